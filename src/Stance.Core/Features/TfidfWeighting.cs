namespace Stance.Core.Features;

/// <summary>
/// TF-IDF as scikit-learn's TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm="l2") computes it:
/// idf = ln((1 + n) / (1 + df)) + 1, tf = 1 + ln(count), each row L2-normalized — here per block
/// (words, characters), each block to unit length. Features below the block's min-df get idf 0.
/// Rows must list their word-block features before their character-block features, and those before the
/// encoder block (the featurizer's rows and ascending rows all do). The encoder block's "idf" is its weight
/// (<see cref="FeaturizerOptions.EncoderWeight"/>) and its values are taken as they are: no tf, no norm.
/// </summary>
public sealed class TfidfWeighting
{
    private readonly FeaturizerOptions _options;
    private static readonly double[] LogTable = BuildLogTable();

    /// <summary>idf per feature id; 0 means the feature is unused.</summary>
    public float[] Idf { get; }

    public TfidfWeighting(FeaturizerOptions options, float[] idf)
    {
        if (idf.Length != options.Dimension) throw new ArgumentException("idf length does not match the featurizer dimension");
        _options = options;
        Idf = idf;
    }

    public FeaturizerOptions Options => _options;

    /// <summary>Learns document frequencies from the given rows of a term-count matrix.</summary>
    public static TfidfWeighting Fit(FeaturizerOptions options, SparseMatrix counts, IReadOnlyList<int>? rows = null) =>
        FromDocumentFrequencies(options, DocumentFrequencies(counts, rows, options.Dimension), rows?.Count ?? counts.RowCount);

    /// <summary>The weighting for document frequencies <paramref name="df"/> counted over <paramref name="n"/> rows.</summary>
    public static TfidfWeighting FromDocumentFrequencies(FeaturizerOptions options, int[] df, int n)
    {
        var idf = new float[options.Dimension];
        for (int c = 0; c < idf.Length; c++) if (df[c] > 0) idf[c] = IdfOf(options, c, df[c], n);
        return new TfidfWeighting(options, idf);
    }

    /// <summary>The idf of feature <paramref name="column"/> found in <paramref name="df"/> of <paramref name="n"/> rows; 0 below its block's min-df.</summary>
    public static float IdfOf(FeaturizerOptions options, int column, int df, int n)
    {
        if (column >= options.EncoderStart) return df > 0 ? options.EncoderWeight : 0f;
        int minDf = column < options.BlockSize ? options.WordMinDf : options.CharMinDf;
        return df >= minDf && df > 0 ? (float)(Math.Log((1.0 + n) / (1.0 + df)) + 1.0) : 0f;
    }

    /// <summary>
    /// In how many of the rows each column occurs. Integer sums, so the split into parts (fixed anyway)
    /// cannot change the result; parts run in parallel when the matrix is large.
    /// </summary>
    private static int[] DocumentFrequencies(SparseMatrix counts, IReadOnlyList<int>? rows, int dimension)
    {
        int n = rows?.Count ?? counts.RowCount;
        long nnz = rows is null ? counts.NonZeros : 0;
        if (rows is not null) foreach (int r in rows) nnz += counts.RowLength(r);
        int parts = (int)Math.Clamp(Math.Min(nnz >> 22, (64L << 20) / (4L * dimension)), 1, 4);
        var df = new int[parts][];
        Parallel.For(0, parts, p =>
        {
            var local = new int[dimension];
            int from = (int)((long)n * p / parts), to = (int)((long)n * (p + 1) / parts);
            for (int i = from; i < to; i++)
                foreach (int c in counts.RowColumns(rows?[i] ?? i)) local[c]++;
            df[p] = local;
        });
        for (int p = 1; p < parts; p++)
            for (int c = 0; c < dimension; c++) df[0][c] += df[p][c];
        return df[0];
    }

    /// <summary>
    /// Weights one row of counts into (columns, values), dropping unused features; the result is sorted by
    /// column (the values are those of <see cref="WeighRow"/>, computed in the input's order).
    /// </summary>
    public (int[] Columns, float[] Values) Transform(ReadOnlySpan<int> columns, ReadOnlySpan<float> counts)
    {
        int kept = 0;
        foreach (int c in columns) if (Idf[c] != 0) kept++;
        var cols = new int[kept];
        var vals = new float[kept];
        WeighRow(columns, counts, cols, vals);
        Array.Sort(cols, vals);
        return (cols, vals);
    }

    /// <summary>
    /// Weights one row of counts into the given spans (at least as long as the row) and returns how many
    /// features were kept. Every path that weights rows (training, cross-validation, scoring) uses this
    /// arithmetic, so a text gets the same values whichever path it takes.
    /// </summary>
    public int WeighRow(ReadOnlySpan<int> columns, ReadOnlySpan<float> counts, Span<int> outColumns, Span<float> outValues)
    {
        int k = 0, wordEnd = 0, ngramEnd = 0;
        var idf = Idf;
        for (int i = 0; i < columns.Length; i++)
        {
            int c = columns[i];
            float f = idf[c];
            if (f == 0) continue;
            outColumns[k] = c;
            outValues[k] = Weigh(_options, c, counts[i], f);
            if (c < _options.BlockSize) wordEnd = k + 1;
            if (c < _options.EncoderStart) ngramEnd = k + 1;
            k++;
        }
        NormalizeL2(outValues[..wordEnd]);
        NormalizeL2(outValues[wordEnd..ngramEnd]);
        return k;
    }

    /// <summary>The weight of one feature before the per-block norm: tf·idf for an n-gram, value·weight for an encoder dimension.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static float Weigh(FeaturizerOptions options, int column, float count, float idf) =>
        column >= options.EncoderStart ? count * idf : (float)((options.SublinearTf ? Tf(count) : count) * idf);

    /// <summary>1 + ln(count), from a table for the small whole counts that make up nearly all of them.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double Tf(float count)
    {
        int c = (int)count;
        return c == count && (uint)c < (uint)LogTable.Length ? LogTable[c] : 1.0 + Math.Log(count);
    }

    private static double[] BuildLogTable()
    {
        var t = new double[256];
        for (int c = 0; c < t.Length; c++) t[c] = 1.0 + Math.Log(c);
        return t;
    }

    /// <summary>The weighted rows (all, or the given ones in that order), each sorted by column.</summary>
    public SparseMatrix Transform(SparseMatrix counts, IReadOnlyList<int>? rows = null)
    {
        int n = rows?.Count ?? counts.RowCount;
        var start = new int[n + 1];
        var idf = Idf;
        for (int i = 0; i < n; i++)
        {
            int kept = 0;
            foreach (int c in counts.RowColumns(rows?[i] ?? i)) if (idf[c] != 0) kept++;
            start[i + 1] = checked(start[i] + kept);
        }
        var cols = new int[start[n]];
        var vals = new float[start[n]];
        Parallel.For(0, (n + 1023) / 1024, chunk =>
        {
            for (int i = chunk * 1024; i < Math.Min(n, chunk * 1024 + 1024); i++)
            {
                int r = rows?[i] ?? i;
                var rowCols = cols.AsSpan(start[i], start[i + 1] - start[i]);
                var rowVals = vals.AsSpan(start[i], start[i + 1] - start[i]);
                WeighRow(counts.RowColumns(r), counts.RowValues(r), rowCols, rowVals);
                rowCols.Sort(rowVals);   // weighted rows come out ascending, as consumers of SparseMatrix expect
            }
        });
        return new SparseMatrix(start, cols, vals, _options.Dimension);
    }

    private static void NormalizeL2(Span<float> values)
    {
        float scale = InverseNorm(values);
        if (scale == 1f) return;
        for (int i = 0; i < values.Length; i++) values[i] *= scale;
    }

    /// <summary>
    /// The factor that scales a block to unit length: (float)(1 / √Σv²), the sum taken in double in order,
    /// NaN entries (dropped features) skipped; 1 for an all-zero block, which stays as it is.
    /// </summary>
    public static float InverseNorm(ReadOnlySpan<float> values)
    {
        double sum = 0;
        foreach (float v in values) if (!float.IsNaN(v)) sum += (double)v * v;
        return sum == 0 ? 1f : (float)(1.0 / Math.Sqrt(sum));
    }
}
