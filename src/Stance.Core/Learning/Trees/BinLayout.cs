using Stance.Core.Features;

namespace Stance.Core.Learning.Trees;

/// <summary>
/// The binned features of one training set. Only columns with enough non-zeros to ever be split on get a
/// compact feature index (in ascending column order). Feature f owns the histogram slots
/// Offset[f]..Offset[f+1]−1, one per bin; its zero bin is never filled from the data — it is what is
/// left of the node totals once the non-zero bins are summed.
/// </summary>
internal sealed class BinLayout
{
    private readonly int[] _featureOfColumn;

    /// <summary>Original column of each compact feature.</summary>
    public int[] Column { get; }
    public int[] Offset { get; }
    /// <summary>The feature owning each slot.</summary>
    public int[] FeatureOfSlot { get; }
    public int[] ZeroBin { get; }
    /// <summary>Upper bounds of all bins but the last; feature f's start at Offset[f] − f.</summary>
    public float[] Upper { get; }
    public int Dimension => _featureOfColumn.Length;
    public int FeatureCount => Column.Length;
    public int SlotCount => Offset[^1];

    private BinLayout(int[] featureOfColumn, int[] column, int[] offset, int[] zeroBin, float[] upper)
    {
        _featureOfColumn = featureOfColumn; Column = column; Offset = offset; ZeroBin = zeroBin; Upper = upper;
        FeatureOfSlot = new int[offset[^1]];
        for (int f = 0; f < column.Length; f++) FeatureOfSlot.AsSpan(offset[f], offset[f + 1] - offset[f]).Fill(f);
    }

    /// <summary>Compact feature of a column, or −1 when the column is not binned.</summary>
    public int FeatureOf(int column) => _featureOfColumn[column];

    public int BinCount(int feature) => Offset[feature + 1] - Offset[feature];

    /// <summary>A row goes left at a split after bin b exactly when its value is ≤ this.</summary>
    public float Threshold(int feature, int bin) => Upper[Offset[feature] - feature + bin];

    /// <summary>The bin of a non-zero value: the first whose upper bound is ≥ it.</summary>
    public int BinOf(int feature, float value)
    {
        int lo = Offset[feature] - feature, hi = lo + BinCount(feature) - 1, first = lo;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (value <= Upper[mid]) hi = mid; else lo = mid + 1;
        }
        return lo - first;
    }

    /// <summary>
    /// Bins every column of x that has at least minimumLeaf non-zero values (a column with fewer can
    /// never be split on: one side of any split holds only rows where it is non-zero). Bins hold at
    /// least minimumLeaf values too (LightGBM's min_data_in_bin, 3, when leaves may be smaller): a
    /// threshold finer than a leaf's worth of rows mostly fits noise, while every occupied bin costs
    /// work in each node — with sparse continuous values (TF-IDF) nearly every value would get its own.
    /// </summary>
    public static BinLayout Build(SparseMatrix x, int maxBins, int minimumLeaf)
    {
        // Count non-zeros per column, then turn the counts into the column → feature map in place.
        var map = new int[x.ColumnCount];
        for (int e = 0; e < x.Columns.Length; e++)
        {
            float v = x.Values[e];
            if ((uint)x.Columns[e] >= (uint)x.ColumnCount) throw new ArgumentException($"column {x.Columns[e]} outside 0..{x.ColumnCount - 1}");
            if (!float.IsFinite(v)) throw new ArgumentException($"non-finite feature value at column {x.Columns[e]}");
            if (v != 0) map[x.Columns[e]]++;
        }
        var valueStart = new List<int> { 0 };
        var columns = new List<int>();
        for (int c = 0; c < map.Length; c++)
        {
            if (map[c] >= Math.Max(1, minimumLeaf))
            {
                columns.Add(c);
                valueStart.Add(valueStart[^1] + map[c]);
                map[c] = columns.Count - 1;
            }
            else map[c] = -1;
        }

        // Gather each feature's values contiguously, sort them and cut them into bins.
        int features = columns.Count;
        var values = new float[valueStart[^1]];
        var fill = valueStart.GetRange(0, features).ToArray();
        for (int e = 0; e < x.Columns.Length; e++)
        {
            int f = map[x.Columns[e]];
            if (f >= 0 && x.Values[e] != 0) values[fill[f]++] = x.Values[e];
        }
        var offset = new int[features + 1];
        var zeroBin = new int[features];
        var upper = new List<float>();
        for (int f = 0; f < features; f++)
        {
            Array.Sort(values, valueStart[f], valueStart[f + 1] - valueStart[f]);
            var (bounds, zero) = QuantileBins.Cut(values.AsSpan(valueStart[f], valueStart[f + 1] - valueStart[f]), maxBins, Math.Max(3, minimumLeaf));
            upper.AddRange(bounds);
            zeroBin[f] = zero;
            offset[f + 1] = offset[f] + bounds.Length + 1;
        }
        return new BinLayout(map, columns.ToArray(), offset, zeroBin, upper.ToArray());
    }
}
