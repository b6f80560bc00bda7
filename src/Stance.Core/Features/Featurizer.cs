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
    /// <param name="encoded">Each text's encoder vector (required when the options use the encoder), appended after its n-grams.</param>
    public static SparseMatrix CountAll(FeaturizerOptions options, IReadOnlyList<string> texts, IReadOnlyList<float[]>? encoded = null)
    {
        CheckEncoded(options, encoded, texts.Count);
        const int blockRows = 1024;   // enough to amortize a block's bookkeeping, few enough that its arrays stay small
        int blocks = (texts.Count + blockRows - 1) / blockRows;
        var parts = new (int[] RowStart, int[] Columns, float[] Counts)[blocks];
        Parallel.For(0, blocks, () => new BlockCounter(options, blockRows), (b, _, counter) =>
        {
            int at = counter.Count(texts, encoded, b);
            parts[b] = (counter.RowStart.AsSpan(0, counter.RowCount + 1).ToArray(), counter.Columns.AsSpan(0, at).ToArray(), counter.Counts.AsSpan(0, at).ToArray());
            return counter;
        }, _ => { });
        return SparseMatrix.FromBlocks(parts, blockRows, options.Dimension);
    }

    /// <summary>The weighted row of one text, sorted by feature id (<paramref name="encoded"/>: its encoder vector, when the model uses one).</summary>
    public (int[] Columns, float[] Values) Transform(string text, TermCounter counter, float[]? encoded = null)
    {
        CheckEncoded(Options, encoded is null ? null : [encoded], 1);
        int n = Options.UsesNgrams ? counter.CountDistinct(text) : 0, e = Options.EncoderDimension;
        var ids = new int[n + e];
        var counts = new float[n + e];
        if (n > 0) counter.Ids.CopyTo(ids);
        for (int i = 0; i < n; i++) counts[i] = counter.Counts[i];
        if (e > 0) AppendEncoded(Options, encoded!, ids.AsSpan(n), counts.AsSpan(n));
        return Weighting.Transform(ids, counts);
    }

    /// <summary>Writes the encoder block's (column, value) pairs; returns how many.</summary>
    internal static int AppendEncoded(FeaturizerOptions options, float[] vector, Span<int> columns, Span<float> values)
    {
        for (int d = 0; d < vector.Length; d++) { columns[d] = options.EncoderStart + d; values[d] = vector[d]; }
        return vector.Length;
    }

    internal static void CheckEncoded(FeaturizerOptions options, IReadOnlyList<float[]>? encoded, int texts)
    {
        if (!options.UsesEncoder) return;
        if (encoded is null || encoded.Count != texts || encoded.Any(v => v.Length != TextEncoder.Dimension))
            throw new ArgumentException("this featurizer reads the sentence encoder: one vector per text is needed");
    }
}
