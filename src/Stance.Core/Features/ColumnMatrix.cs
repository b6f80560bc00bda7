using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Stance.Core.Features;

/// <summary>
/// Training rows stored column by column (compressed sparse column) over a compact list of the features
/// the rows use: column f holds Entries[ColumnStart[f]..ColumnStart[f+1]] (rows ascending), and
/// <see cref="FeatureIds"/>[f] is the feature's id in the source matrix (ascending). Made straight from
/// term counts with the TF-IDF weights applied on the way, so neither a weighted copy of the rows nor a
/// remapped copy of their columns is ever materialized; the compaction is an int map over the source
/// columns, not a dictionary.
///
/// Rows are split into consecutive parts of at most 65,536 rows, and an entry stores its row as a 16-bit
/// offset into its part, beside its value: 6 bytes an entry in one array, for the passes of the learner
/// that stream it dozens of times.
/// </summary>
public sealed class ColumnMatrix
{
    public int RowCount { get; }
    public int ColumnCount => FeatureIds.Length;
    public int[] ColumnStart { get; }
    public ColumnEntry[] Entries { get; }
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
    /// <summary>Per part, the features (ascending) that have at least one entry in that part's rows.</summary>
    public int[][] PartFeatures { get; }

    private ColumnMatrix(int rowCount, int[] columnStart, ColumnEntry[] entries, int[] featureIds, int sourceColumns,
        int parts, int[] partRowStart, int[] partStart, int[][] partFeatures)
    {
        RowCount = rowCount; ColumnStart = columnStart; Entries = entries; FeatureIds = featureIds; SourceColumns = sourceColumns;
        Parts = parts; PartRowStart = partRowStart; PartStart = partStart; PartFeatures = partFeatures;
    }

    public long NonZeros => Entries.LongLength;

    /// <summary>
    /// The given rows (all when null) of <paramref name="x"/>, weighted by <paramref name="weighting"/>
    /// when given (x then holds counts; features with idf 0 are dropped). With <paramref name="compact"/>
    /// only the columns that occur become columns; without, every source column keeps its index.
    /// </summary>
    public static ColumnMatrix FromRows(SparseMatrix x, IReadOnlyList<int>? rows = null, TfidfWeighting? weighting = null, bool compact = true)
    {
        if (weighting is not null && weighting.Idf.Length != x.ColumnCount) throw new ArgumentException("weighting does not match the matrix");
        var layout = new Layout(x, rows);
        layout.CountPerPart();
        return layout.Build(weighting, compact);
    }

    /// <summary>
    /// Fits TF-IDF on the given rows of a term-count matrix and lays those rows out by column with it, in
    /// one go: the per-part column counts the layout needs are the document frequencies the weighting
    /// needs, so the counts are read twice (counting, then filling), not three times.
    /// </summary>
    public static (TfidfWeighting Weighting, ColumnMatrix Columns) FitTfidf(FeaturizerOptions options, ICountRows counts, IReadOnlyList<int>? rows = null)
    {
        if (counts.ColumnCount != options.Dimension) throw new ArgumentException("counts do not match the featurizer dimension");
        var layout = new Layout(counts, rows);
        if (layout.IsSparse) return layout.FitTfidfSparse(options);
        layout.CountPerPart();
        var df = new int[options.Dimension];
        foreach (var part in layout.PerPart)
            for (int c = 0; c < df.Length; c++) df[c] += part[c];
        var weighting = TfidfWeighting.FromDocumentFrequencies(options, df, layout.N);
        return (weighting, layout.Build(weighting, compact: true));
    }

    /// <summary>Whether <see cref="FitTfidf"/> takes the sparse route for these rows (see Layout.IsSparse).</summary>
    internal static bool TakesSparseRoute(SparseMatrix counts, IReadOnlyList<int>? rows) => new Layout(counts, rows).IsSparse;

    /// <summary>The two passes over the rows, split into parts that are filled in parallel; each part owns its stretch of every column.</summary>
    private sealed class Layout
    {
        private readonly ICountRows _x;
        private readonly IReadOnlyList<int>? _rows;
        public readonly int N, P;
        public int[][] PerPart = [];

        private readonly long _nonZeros;

        public Layout(ICountRows x, IReadOnlyList<int>? rows)
        {
            _x = x; _rows = rows;
            N = rows?.Count ?? x.RowCount;
            for (int i = 0; i < N; i++) _nonZeros += x.RowLength(rows?[i] ?? i);
            int parts = (int)Math.Clamp(Math.Min(_nonZeros >> 20, (64L << 20) / (4L * Math.Max(1, x.ColumnCount))), 1, 4);
            P = Math.Max(parts, (N + 65535) / 65536);   // a part's rows must fit 16-bit offsets
        }

        /// <summary>
        /// Rows with far fewer values than the source has columns (a CV fold of a few hundred short texts):
        /// arrays over every source column (counts, map, cursors: ~40 MB at 2^21) cost more to allocate and
        /// page in than the layout itself, so the columns in use are gathered in a hash map instead (one
        /// 160-row tweet fold, single thread, steady state: 19–34 ms → 8–11 ms for this step).
        /// </summary>
        public bool IsSparse => P == 1 && _nonZeros * 8 <= _x.ColumnCount;

        /// <summary>
        /// The sparse route of <see cref="FitTfidf"/>: the same weighting and layout, from a hash map of the
        /// columns in use (numbered as first met) and their document frequencies (a row lists a column once).
        /// </summary>
        public (TfidfWeighting, ColumnMatrix) FitTfidfSparse(FeaturizerOptions options)
        {
            var cellOf = new Dictionary<int, int>();
            var df = new List<int>();
            for (int i = 0; i < N; i++)
                foreach (int c in _x.RowColumns(_rows?[i] ?? i))
                {
                    if (cellOf.TryGetValue(c, out int u)) df[u]++;
                    else { cellOf.Add(c, df.Count); df.Add(1); }
                }
            var columns = new int[df.Count];
            var order = new int[df.Count];
            foreach (var (c, u) in cellOf) { columns[u] = c; order[u] = u; }
            var sorted = (int[])columns.Clone();
            Array.Sort(sorted, order);
            // Slots are handed out in ascending column order, as the dense route's compact ids are.
            var idf = new float[options.Dimension];
            var cells = new (int Next, float Idf)[df.Count];
            var featureIds = new List<int>();
            var start = new List<int>();
            int at = 0;
            foreach (int u in order)
            {
                float f = TfidfWeighting.IdfOf(options, columns[u], df[u], N);
                idf[columns[u]] = f;
                cells[u] = (at, f);
                if (f == 0) continue;
                featureIds.Add(columns[u]);
                start.Add(at);
                at += df[u];
            }
            start.Add(at);
            int used = featureIds.Count;
            var partStart = new int[used * 2];
            for (int f = 0; f < used; f++) (partStart[2 * f], partStart[2 * f + 1]) = (start[f], start[f + 1]);
            var entries = new ColumnEntry[at];
            var weighting = new TfidfWeighting(options, idf);
            Fill(0, new SparseCursors(cellOf, cells), entries, weighting);
            return (weighting, new ColumnMatrix(N, [.. start], entries, [.. featureIds], _x.ColumnCount, 1, [0, N], partStart,
                [Enumerable.Range(0, used).ToArray()]));
        }

        public int From(int p) => (int)((long)N * p / P);

        /// <summary>Pass 1: per part, how many of its rows hold each source column.</summary>
        public void CountPerPart()
        {
            var perPart = new int[P][];
            Parallel.For(0, P, p =>
            {
                var count = new int[_x.ColumnCount];
                for (int i = From(p); i < From(p + 1); i++)
                    foreach (int c in _x.RowColumns(_rows?[i] ?? i)) count[c]++;
                perPart[p] = count;
            });
            PerPart = perPart;
        }

        /// <summary>Compact ids, column and part starts, then pass 2: each part writes its rows' weighted entries.</summary>
        public ColumnMatrix Build(TfidfWeighting? weighting, bool compact)
        {
            int dimension = _x.ColumnCount, parts = P;
            var idf = weighting?.Idf;
            var map = new int[dimension];
            int used = 0;
            long total = 0;
            for (int c = 0; c < dimension; c++)
            {
                long t = 0;
                if (idf is null || idf[c] != 0)
                    for (int p = 0; p < parts; p++) t += PerPart[p][c];
                if (t > 0 || !compact) { map[c] = used++; total += t; }
                else map[c] = -1;
            }
            if (total > Array.MaxLength) throw new InvalidOperationException($"{total} non-zero features are more than one array holds; train on fewer rows");
            var featureIds = new int[used];
            var start = new int[used + 1];
            var partStart = new int[(long)used * (parts + 1)];
            var partFeatures = new List<int>[parts];
            for (int p = 0; p < parts; p++) partFeatures[p] = new List<int>();
            // Each part's next free slot per source column, with the column's idf beside it: pass 2 then
            // touches one 8-byte cell per entry instead of two arrays.
            var cursors = new (int Next, float Idf)[parts][];
            for (int p = 0; p < parts; p++) cursors[p] = new (int, float)[dimension];
            int at = 0;
            for (int c = 0; c < dimension; c++)
            {
                int f = map[c];
                if (f < 0) continue;
                featureIds[f] = c;
                start[f] = at;
                for (int p = 0; p < parts; p++)
                {
                    int k = idf is null || idf[c] != 0 ? PerPart[p][c] : 0;
                    partStart[(long)f * (parts + 1) + p] = at;
                    cursors[p][c] = (at, idf?[c] ?? 1f);
                    if (k > 0) partFeatures[p].Add(f);
                    at += k;
                }
                partStart[(long)f * (parts + 1) + parts] = at;
            }
            start[used] = at;
            PerPart = [];

            // Every slot is written exactly once below, so the array need not be zeroed; a large one goes on
            // the pinned heap, where the compacting collection that follows the release of the counts never
            // copies it (small ones, made by the dozen in cross-validation, stay on the compacting heap).
            var entries = GC.AllocateUninitializedArray<ColumnEntry>((int)total, pinned: total > (8 << 20));
            Parallel.For(0, parts, p => Fill(p, new DenseCursors(cursors[p]), entries, weighting));
            var partRowStart = new int[parts + 1];
            for (int p = 0; p <= parts; p++) partRowStart[p] = From(p);
            return new ColumnMatrix(N, start, entries, featureIds, dimension, parts, partRowStart, partStart,
                partFeatures.Select(l => l.ToArray()).ToArray());
        }

        /// <summary>Pass 2 for part p: its rows' entries, TF-IDF weighted when a weighting is given, each written to its column's next slot.</summary>
        private void Fill<TCursors>(int p, TCursors cursor, ColumnEntry[] entries, TfidfWeighting? weighting) where TCursors : struct, ICursors
        {
            var options = weighting?.Options;
            int first = From(p), last = From(p + 1);
            var weighted = new float[256];
            if (first < last) cursor.Prefetch(_x.RowColumns(_rows?[first] ?? first));
            for (int i = first; i < last; i++)
            {
                var rc = _x.RowColumns(_rows?[i] ?? i);
                var rv = _x.RowValues(_rows?[i] ?? i);
                var row = (ushort)(i - first);
                // The entries land all over the layout and the cursors all over the source columns:
                // ask for the next row's cursor cells now, and for each entry's slot as soon as its
                // cursor is read, so those memory reads overlap with this row's arithmetic.
                if (i + 1 < last) cursor.Prefetch(_x.RowColumns(_rows?[i + 1] ?? i + 1));
                if (weighting is null)
                {
                    for (int j = 0; j < rc.Length; j++) entries[cursor.Cell(rc[j]).Next++] = new ColumnEntry(row, rv[j]);
                    continue;
                }
                // TF-IDF exactly as TfidfWeighting.WeighRow computes it, with the idf read from the cursor cell.
                if (weighted.Length < rc.Length) weighted = new float[rc.Length * 2];
                int blockSize = options!.BlockSize, encoderStart = options.EncoderStart, wordEnd = 0, ngramEnd = 0;
                for (int j = 0; j < rc.Length; j++)
                {
                    ref var cell = ref cursor.Cell(rc[j]);
                    float f = cell.Idf;
                    if (f == 0) { weighted[j] = float.NaN; continue; }
                    PrefetchEntry(entries, cell.Next);
                    weighted[j] = TfidfWeighting.Weigh(options, rc[j], rv[j], f);
                    if (rc[j] < blockSize) wordEnd = j + 1;
                    if (rc[j] < encoderStart) ngramEnd = j + 1;
                }
                float wordScale = TfidfWeighting.InverseNorm(weighted.AsSpan(0, wordEnd));
                float charScale = TfidfWeighting.InverseNorm(weighted.AsSpan(wordEnd, ngramEnd - wordEnd));
                for (int j = 0; j < rc.Length; j++)
                {
                    float v = weighted[j];
                    if (float.IsNaN(v)) continue;
                    entries[cursor.Cell(rc[j]).Next++] = new ColumnEntry(row, j >= ngramEnd ? v : v * (j < wordEnd ? wordScale : charScale));
                }
            }
        }
    }

    /// <summary>Where pass 2 finds a source column's next free slot and idf.</summary>
    private interface ICursors
    {
        ref (int Next, float Idf) Cell(int column);
        void Prefetch(ReadOnlySpan<int> columns);
    }

    /// <summary>One cell per source column.</summary>
    private readonly struct DenseCursors((int Next, float Idf)[] cells) : ICursors
    {
        public ref (int Next, float Idf) Cell(int column) => ref cells[column];
        public void Prefetch(ReadOnlySpan<int> columns) => PrefetchCursors(cells, columns);
    }

    /// <summary>One cell per column in use, found through a hash map (the few cells stay in cache, no prefetch needed).</summary>
    private readonly struct SparseCursors(Dictionary<int, int> cellOf, (int Next, float Idf)[] cells) : ICursors
    {
        public ref (int Next, float Idf) Cell(int column) => ref cells[cellOf[column]];
        public void Prefetch(ReadOnlySpan<int> columns) { }
    }

    private static unsafe void PrefetchCursors((int Next, float Idf)[] cursor, ReadOnlySpan<int> columns)
    {
        if (!Sse.IsSupported) return;
        fixed ((int, float)* c = cursor)
            foreach (int column in columns) Sse.Prefetch0(c + column);
    }

    private static unsafe void PrefetchEntry(ColumnEntry[] entries, int at)
    {
        if (!Sse.IsSupported || (uint)at >= (uint)entries.Length) return;
        fixed (ColumnEntry* e = entries) Sse.Prefetch0(e + at);
    }

    /// <summary>The same rows with every value of column f multiplied by scale[f] (the layout arrays are shared, the entries copied).</summary>
    public ColumnMatrix ScaledColumns(ReadOnlySpan<double> scale)
    {
        if (scale.Length != ColumnCount) throw new ArgumentException("one scale per column is needed");
        var entries = new ColumnEntry[Entries.Length];
        for (int f = 0; f < ColumnCount; f++)
            for (int j = ColumnStart[f]; j < ColumnStart[f + 1]; j++)
                entries[j] = new ColumnEntry(Entries[j].Row, (float)(Entries[j].Value * scale[f]));
        return new ColumnMatrix(RowCount, ColumnStart, entries, FeatureIds, SourceColumns, Parts, PartRowStart, PartStart, PartFeatures);
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
