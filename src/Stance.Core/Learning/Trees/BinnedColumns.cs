namespace Stance.Core.Learning.Trees;

/// <summary>
/// The training rows' binned non-zeros transposed: feature f's are Rows[Start[f]..Start[f+1]−1]
/// (ascending) with their Slots. Used where going through one feature at a time beats going through
/// rows: the root histogram (each feature's bins stay in cache) and partitions on a feature stored by
/// fewer rows than the leaf holds times a binary search.
/// </summary>
internal sealed class BinnedColumns
{
    public int[] Start { get; }
    public int[] Rows { get; }
    public int[] Slots { get; }

    private BinnedColumns(int[] start, int[] rows, int[] slots) { Start = start; Rows = rows; Slots = slots; }

    public static BinnedColumns From(BinnedRows binned, BinLayout layout)
    {
        var start = new int[layout.FeatureCount + 1];
        int[] featureOfSlot = layout.FeatureOfSlot, slots = binned.Slots;
        foreach (int s in slots) start[featureOfSlot[s] + 1]++;
        for (int f = 0; f < layout.FeatureCount; f++) start[f + 1] += start[f];
        var fill = start[..^1];
        var rows = new int[slots.Length];
        var columnSlots = new int[slots.Length];
        for (int r = 0; r < binned.RowCount; r++)
            for (int e = binned.RowStart[r]; e < binned.RowStart[r + 1]; e++)
            {
                int at = fill[featureOfSlot[slots[e]]]++;
                rows[at] = r;
                columnSlots[at] = slots[e];
            }
        return new BinnedColumns(start, rows, columnSlots);
    }
}
