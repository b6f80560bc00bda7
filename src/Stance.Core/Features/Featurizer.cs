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
    /// Rows are counted in fixed chunks, each into its own arrays, then laid end to end.
    /// </summary>
    public static SparseMatrix CountAll(FeaturizerOptions options, IReadOnlyList<string> texts)
    {
        const int chunkRows = 512;
        int chunks = (texts.Count + chunkRows - 1) / chunkRows;
        var parts = new (int[] Columns, float[] Counts, int[] Lengths)[chunks];
        Parallel.For(0, chunks, () => (new TermCounter(options), new List<int>(), new List<float>()), (c, _, state) =>
        {
            var (counter, cols, counts) = state;
            cols.Clear(); counts.Clear();
            int first = c * chunkRows, end = Math.Min(texts.Count, first + chunkRows);
            var lengths = new int[end - first];
            for (int r = first; r < end; r++)
            {
                int n = counter.CountDistinct(texts[r]);
                lengths[r - first] = n;
                cols.AddRange(counter.Ids);
                foreach (int v in counter.Counts) counts.Add(v);
            }
            parts[c] = (cols.ToArray(), counts.ToArray(), lengths);
            return state;
        }, _ => { });
        var start = new int[texts.Count + 1];
        long total = 0;
        for (int c = 0, r = 0; c < chunks; c++)
            foreach (int n in parts[c].Lengths) { total += n; start[++r] = (int)Math.Min(total, int.MaxValue); }
        if (total > Array.MaxLength) throw new InvalidOperationException($"{total} non-zero features are more than one array holds; train on fewer rows");
        var columns = new int[total];
        var values = new float[total];
        for (int c = 0; c < chunks; c++)
        {
            int at = start[c * chunkRows];
            parts[c].Columns.CopyTo(columns, at);
            parts[c].Counts.CopyTo(values, at);
            parts[c] = default;
        }
        return new SparseMatrix(start, columns, values, options.Dimension);
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
