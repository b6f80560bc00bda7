namespace Stance.Core.Features;

/// <summary>
/// Text → TF-IDF sparse vector, with fitted document frequencies. Counting is the expensive part, so
/// training counts every text once (<see cref="CountAll"/>) and re-weights those counts per fold.
/// </summary>
public sealed class Featurizer
{
    public FeaturizerOptions Options { get; }
    public TfidfWeighting Weighting { get; }

    public Featurizer(FeaturizerOptions options, TfidfWeighting weighting)
    {
        Options = options;
        Weighting = weighting;
    }

    /// <summary>
    /// Counts the n-grams of every text, in parallel, in input order. Each row holds its distinct
    /// features once, word block first, otherwise in order of first appearance in the text (not sorted:
    /// nothing downstream needs it, and sorting ~1,000 ids per text cost more than counting them).
    /// Rows are counted in fixed blocks, each into its own exact-size arrays, and the matrix keeps those
    /// blocks (no joined copy, which would hold every entry twice while being made).
    /// </summary>
    public static SparseMatrix CountAll(FeaturizerOptions options, IReadOnlyList<string> texts)
    {
        const int blockRows = 1024;
        int blocks = (texts.Count + blockRows - 1) / blockRows;
        var parts = new (int[] RowStart, int[] Columns, float[] Counts)[blocks];
        Parallel.For(0, blocks, () => (new TermCounter(options), new List<int>(), new List<float>()), (b, _, state) =>
        {
            var (counter, cols, counts) = state;
            cols.Clear(); counts.Clear();
            int first = b * blockRows, end = Math.Min(texts.Count, first + blockRows);
            var start = new int[end - first + 1];
            for (int r = first; r < end; r++)
            {
                counter.CountDistinct(texts[r]);
                cols.AddRange(counter.Ids);
                foreach (int v in counter.Counts) counts.Add(v);
                start[r - first + 1] = cols.Count;
            }
            parts[b] = (start, cols.ToArray(), counts.ToArray());
            return state;
        }, _ => { });
        return SparseMatrix.FromBlocks(parts, blockRows, options.Dimension);
    }

    /// <summary>The TF-IDF row of one text, its features in the counter's order (as in <see cref="CountAll"/>'s rows).</summary>
    public (int[] Columns, float[] Values) Transform(string text, TermCounter counter)
    {
        int n = counter.CountDistinct(text);
        var counts = new float[n];
        for (int i = 0; i < n; i++) counts[i] = counter.Counts[i];
        return Weighting.Transform(counter.Ids, counts);
    }
}
