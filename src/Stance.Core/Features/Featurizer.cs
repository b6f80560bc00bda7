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
        Parallel.For(0, blocks, () => (Counter: new TermCounter(options), Columns: new int[1 << 16], Counts: new float[1 << 16]), (b, _, state) =>
        {
            var counter = state.Counter;
            int first = b * blockRows, end = Math.Min(texts.Count, first + blockRows), at = 0;
            var start = new int[end - first + 1];
            for (int r = first; r < end; r++)
            {
                int n = counter.CountDistinct(texts[r]);
                if (at + n > state.Columns.Length)
                {
                    Array.Resize(ref state.Columns, Math.Max(state.Columns.Length * 2, at + n));
                    Array.Resize(ref state.Counts, state.Columns.Length);
                }
                counter.Ids.CopyTo(state.Columns.AsSpan(at));
                var counts = counter.Counts;
                var into = state.Counts.AsSpan(at, n);
                for (int i = 0; i < into.Length; i++) into[i] = counts[i];
                at += n;
                start[r - first + 1] = at;
            }
            parts[b] = (start, state.Columns.AsSpan(0, at).ToArray(), state.Counts.AsSpan(0, at).ToArray());
            return state;
        }, _ => { });
        return SparseMatrix.FromBlocks(parts, blockRows, options.Dimension);
    }

    /// <summary>The TF-IDF row of one text, sorted by feature id.</summary>
    public (int[] Columns, float[] Values) Transform(string text, TermCounter counter)
    {
        int n = counter.CountDistinct(text);
        var counts = new float[n];
        for (int i = 0; i < n; i++) counts[i] = counter.Counts[i];
        return Weighting.Transform(counter.Ids, counts);
    }
}
