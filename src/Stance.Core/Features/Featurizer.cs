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

    /// <summary>Counts the n-grams of every text, in parallel, in input order.</summary>
    public static SparseMatrix CountAll(FeaturizerOptions options, IReadOnlyList<string> texts)
    {
        var rows = new (int[], float[])[texts.Count];
        Parallel.For(0, texts.Count, () => new TermCounter(options),
            (i, _, counter) => { rows[i] = counter.Count(texts[i]); return counter; }, _ => { });
        return SparseMatrix.FromRows(rows, options.Dimension);
    }

    public (int[] Columns, float[] Values) Transform(string text, TermCounter counter)
    {
        var (cols, counts) = counter.Count(text);
        return Weighting.Transform(cols, counts);
    }
}
