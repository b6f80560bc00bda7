using Stance.Core.Features;

namespace Stance.Core.Learning.Trees;

/// <summary>
/// Rows of a matrix as the histogram slots of their binned non-zeros (row r: Slots[RowStart[r]..
/// RowStart[r+1]−1], ascending). Building a histogram touches nothing else; values of columns that are
/// not binned are dropped.
/// </summary>
internal sealed class BinnedRows
{
    private readonly BinLayout _layout;

    public int[] RowStart { get; }
    public int[] Slots { get; }
    public int RowCount => RowStart.Length - 1;

    private BinnedRows(BinLayout layout, int[] rowStart, int[] slots) { _layout = layout; RowStart = rowStart; Slots = slots; }

    public static BinnedRows From(SparseMatrix x, BinLayout layout)
    {
        if (x.ColumnCount != layout.Dimension) throw new ArgumentException($"{x.ColumnCount} columns where the training set had {layout.Dimension}");
        var rowStart = new int[x.RowCount + 1];
        for (int r = 0; r < x.RowCount; r++)
        {
            var cols = x.RowColumns(r);
            var vals = x.RowValues(r);
            int kept = 0;
            for (int j = 0; j < cols.Length; j++)
            {
                if ((uint)cols[j] >= (uint)x.ColumnCount || (j > 0 && cols[j] <= cols[j - 1]))
                    throw new ArgumentException($"row {r}: columns must be ascending, unique and below {x.ColumnCount}");
                if (vals[j] != 0 && layout.FeatureOf(cols[j]) >= 0) kept++;
            }
            rowStart[r + 1] = rowStart[r] + kept;
        }
        var slots = new int[rowStart[^1]];
        int at = 0;
        for (int r = 0; r < x.RowCount; r++)
        {
            var cols = x.RowColumns(r);
            var vals = x.RowValues(r);
            for (int j = 0; j < cols.Length; j++)
            {
                int f = vals[j] != 0 ? layout.FeatureOf(cols[j]) : -1;
                if (f >= 0) slots[at++] = layout.Offset[f] + layout.BinOf(f, vals[j]);
            }
        }
        return new BinnedRows(layout, rowStart, slots);
    }

    /// <summary>The bin of a feature in a row: binary search for its slots, else the zero bin.</summary>
    public int BinOf(int row, int feature)
    {
        int first = _layout.Offset[feature];
        int lo = RowStart[row], hi = RowStart[row + 1], end = hi;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Slots[mid] < first) lo = mid + 1; else hi = mid;
        }
        return lo < end && Slots[lo] < _layout.Offset[feature + 1] ? Slots[lo] - first : _layout.ZeroBin[feature];
    }
}
