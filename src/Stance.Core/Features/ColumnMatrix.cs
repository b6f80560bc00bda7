namespace Stance.Core.Features;

/// <summary>
/// Training rows stored column by column (compressed sparse column) over a compact list of the features
/// the rows use: column f holds entries ColumnStart[f]..ColumnStart[f+1] (rows ascending) with the
/// matching Values, and <see cref="FeatureIds"/>[f] is the feature's id in the source matrix (ascending).
/// Rows are split into consecutive parts of at most 65,536 rows, and an entry stores its row as a 16-bit
/// offset into its part (<see cref="LocalRows"/>): 6 bytes an entry instead of 8, for the passes of the
/// learner that stream these arrays dozens of times. Made
/// straight from term counts with the TF-IDF weights applied on the way, so neither a weighted copy of
/// the rows nor a remapped copy of their columns is ever materialized; the compaction is an int map
/// over the source columns, not a dictionary.
/// </summary>
public sealed class ColumnMatrix
{
    public int RowCount { get; }
    public int ColumnCount => FeatureIds.Length;
    public int[] ColumnStart { get; }
    public ushort[] LocalRows { get; }
    public float[] Values { get; }
    public int[] FeatureIds { get; }
    /// <summary>The number of columns of the source matrix.</summary>
    public int SourceColumns { get; }
    /// <summary>
    /// Rows come in <see cref="Parts"/> consecutive ranges, part p being rows PartRowStart[p]..PartRowStart[p+1];
    /// inside column f, part p's entries are PartStart[f·(Parts+1) + p] .. PartStart[f·(Parts+1) + p + 1].
    /// The count of parts follows from the sizes alone, so work split by part is the same on any machine.
    /// </summary>
    public int Parts { get; }
    public int[] PartRowStart { get; }
    public int[] PartStart { get; }

    private ColumnMatrix(int rowCount, int[] columnStart, ushort[] rows, float[] values, int[] featureIds, int sourceColumns,
        int parts, int[] partRowStart, int[] partStart)
    {
        RowCount = rowCount; ColumnStart = columnStart; LocalRows = rows; Values = values; FeatureIds = featureIds; SourceColumns = sourceColumns;
        Parts = parts; PartRowStart = partRowStart; PartStart = partStart;
    }

    public long NonZeros => LocalRows.LongLength;

    /// <summary>The row of entry j of column f's part p.</summary>
    public int RowOf(int p, int j) => PartRowStart[p] + LocalRows[j];

    /// <summary>
    /// The given rows (all when null) of <paramref name="x"/>, weighted by <paramref name="weighting"/>
    /// when given (x then holds counts; features with idf 0 are dropped). With <paramref name="compact"/>
    /// only the columns that occur become columns; without, every source column keeps its index.
    /// Rows are split into a fixed number of parts, chosen from the sizes only, that are filled in
    /// parallel; each part owns its stretch of every column, so the layout never depends on the threads.
    /// </summary>
    public static ColumnMatrix FromRows(SparseMatrix x, IReadOnlyList<int>? rows = null, TfidfWeighting? weighting = null, bool compact = true)
    {
        if (weighting is not null && weighting.Idf.Length != x.ColumnCount) throw new ArgumentException("weighting does not match the matrix");
        int n = rows?.Count ?? x.RowCount, dimension = x.ColumnCount;
        long nnz = 0;
        for (int i = 0; i < n; i++) nnz += x.RowLength(rows?[i] ?? i);
        int parts = (int)Math.Clamp(Math.Min(nnz >> 20, (64L << 20) / (4L * Math.Max(1, dimension))), 1, 4);
        parts = Math.Max(parts, (n + 65535) / 65536);   // a part's rows must fit 16-bit offsets
        int From(int p) => (int)((long)n * p / parts);
        var idf = weighting?.Idf;

        // Pass 1: per part, how many entries each source column gets.
        var perPart = new int[parts][];
        Parallel.For(0, parts, p =>
        {
            var count = new int[dimension];
            for (int i = From(p); i < From(p + 1); i++)
                foreach (int c in x.RowColumns(rows?[i] ?? i))
                    if (idf is null || idf[c] != 0) count[c]++;
            perPart[p] = count;
        });

        // Compact ids (ascending source order), column starts, and each part's first slot per column.
        var map = new int[dimension];
        int used = 0;
        long total = 0;
        for (int c = 0; c < dimension; c++)
        {
            long t = 0;
            for (int p = 0; p < parts; p++) t += perPart[p][c];
            if (t > 0 || !compact) { map[c] = used++; total += t; }
            else map[c] = -1;
        }
        if (total > Array.MaxLength) throw new InvalidOperationException($"{total} non-zero features are more than one array holds; train on fewer rows");
        var featureIds = new int[used];
        var start = new int[used + 1];
        var partStart = new int[(long)used * (parts + 1)];
        int at = 0;
        for (int c = 0; c < dimension; c++)
        {
            int f = map[c];
            if (f < 0) continue;
            featureIds[f] = c;
            start[f] = at;
            for (int p = 0; p < parts; p++) { int k = perPart[p][c]; partStart[f * (parts + 1) + p] = perPart[p][c] = at; at += k; }
            partStart[f * (parts + 1) + parts] = at;
        }
        start[used] = at;

        // Pass 2: each part writes its rows (ascending) into its own stretch of every column.
        var rowIds = new ushort[total];
        var values = new float[total];
        Parallel.For(0, parts, p =>
        {
            var next = perPart[p];
            int[] wc = new int[64];
            float[] wv = new float[64];
            int first = From(p);
            for (int i = first; i < From(p + 1); i++)
            {
                int r = rows?[i] ?? i;
                var rc = x.RowColumns(r);
                var rv = x.RowValues(r);
                if (weighting is not null)
                {
                    if (wc.Length < rc.Length) { wc = new int[rc.Length * 2]; wv = new float[rc.Length * 2]; }
                    int kept = weighting.WeighRow(rc, rv, wc, wv);
                    rc = wc.AsSpan(0, kept);
                    rv = wv.AsSpan(0, kept);
                }
                for (int j = 0; j < rc.Length; j++)
                {
                    int s = next[rc[j]]++;
                    rowIds[s] = (ushort)(i - first);
                    values[s] = rv[j];
                }
            }
        });
        var partRowStart = new int[parts + 1];
        for (int p = 0; p <= parts; p++) partRowStart[p] = From(p);
        return new ColumnMatrix(n, start, rowIds, values, featureIds, dimension, parts, partRowStart, partStart);
    }

    /// <summary>Source column → compact column, −1 for columns not in this matrix.</summary>
    public int[] ColumnMap()
    {
        var map = new int[SourceColumns];
        Array.Fill(map, -1);
        for (int f = 0; f < FeatureIds.Length; f++) map[FeatureIds[f]] = f;
        return map;
    }
}
