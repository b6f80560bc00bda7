namespace Stance.Core.Features;

/// <summary>
/// TF-IDF as scikit-learn's TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm="l2") computes it:
/// idf = ln((1 + n) / (1 + df)) + 1, tf = 1 + ln(count), each row L2-normalized — here per block
/// (words, characters), each block to unit length. Features below the block's min-df get idf 0.
/// </summary>
public sealed class TfidfWeighting
{
    private readonly FeaturizerOptions _options;

    /// <summary>idf per feature id; 0 means the feature is unused.</summary>
    public float[] Idf { get; }

    public TfidfWeighting(FeaturizerOptions options, float[] idf)
    {
        if (idf.Length != options.Dimension) throw new ArgumentException("idf length does not match the featurizer dimension");
        _options = options;
        Idf = idf;
    }

    /// <summary>Learns document frequencies from the given rows of a term-count matrix.</summary>
    public static TfidfWeighting Fit(FeaturizerOptions options, SparseMatrix counts, IReadOnlyList<int>? rows = null)
    {
        int n = rows?.Count ?? counts.RowCount;
        var df = new int[options.Dimension];
        for (int i = 0; i < n; i++)
            foreach (int c in counts.RowColumns(rows?[i] ?? i)) df[c]++;
        var idf = new float[options.Dimension];
        for (int c = 0; c < idf.Length; c++)
        {
            int minDf = c < options.BlockSize ? options.WordMinDf : options.CharMinDf;
            if (df[c] >= minDf && df[c] > 0) idf[c] = (float)(Math.Log((1.0 + n) / (1.0 + df[c])) + 1.0);
        }
        return new TfidfWeighting(options, idf);
    }

    /// <summary>Weights one row of counts in place into (columns, values), dropping unused features.</summary>
    public (int[] Columns, float[] Values) Transform(ReadOnlySpan<int> columns, ReadOnlySpan<float> counts)
    {
        int kept = 0;
        foreach (int c in columns) if (Idf[c] != 0) kept++;
        var cols = new int[kept];
        var vals = new float[kept];
        int k = 0, wordEnd = 0;
        for (int i = 0; i < columns.Length; i++)
        {
            int c = columns[i];
            if (Idf[c] == 0) continue;
            double tf = _options.SublinearTf ? 1.0 + Math.Log(counts[i]) : counts[i];
            cols[k] = c;
            vals[k] = (float)(tf * Idf[c]);
            if (c < _options.BlockSize) wordEnd = k + 1;
            k++;
        }
        NormalizeL2(vals.AsSpan(0, wordEnd));
        NormalizeL2(vals.AsSpan(wordEnd));
        return (cols, vals);
    }

    public SparseMatrix Transform(SparseMatrix counts, IReadOnlyList<int>? rows = null)
    {
        int n = rows?.Count ?? counts.RowCount;
        var result = new (int[], float[])[n];
        for (int i = 0; i < n; i++)
        {
            int r = rows?[i] ?? i;
            result[i] = Transform(counts.RowColumns(r), counts.RowValues(r));
        }
        return SparseMatrix.FromRows(result, _options.Dimension);
    }

    private static void NormalizeL2(Span<float> values)
    {
        double sum = 0;
        foreach (float v in values) sum += (double)v * v;
        if (sum == 0) return;
        float scale = (float)(1.0 / Math.Sqrt(sum));
        for (int i = 0; i < values.Length; i++) values[i] *= scale;
    }
}
