namespace Stance.Core.Learning.Trees;

/// <summary>Σ gradient, Σ hessian and row count of some rows (the count is exact in a double).</summary>
internal struct BinSums
{
    public double G, H, Count;
}

/// <summary>A row's gradient and hessian for the tree being grown.</summary>
internal struct GradientPair
{
    public double G, H;
}

/// <summary>
/// Sums over a node's rows of their stored non-zeros: per slot in <see cref="Bins"/>, and per feature
/// over all its non-zero bins in <see cref="NonZero"/>. Zero bins are never stored: they are the node
/// totals minus NonZero. With thousands of sparse features most bins of most nodes are empty, so the
/// histogram also lists the slots it has written (clearing and subtracting cost in proportion to them)
/// and marks them in the bitmap <see cref="Occupied"/> (the split search skips unmarked bins, which
/// hold exact zeros). After a subtraction the parent's marks remain: a superset, still exact. Zero-bin
/// slots stay empty and unmarked (the split search fills one only while it scans that feature).
/// </summary>
internal sealed class Histogram
{
    private readonly int[] _featureOfSlot, _offset;
    // One spare entry: first touches are appended without a branch (see Build).
    private readonly int[] _slots;
    private readonly int[] _features;
    private int _slotCount, _featureCount;

    public BinSums[] Bins { get; }
    public BinSums[] NonZero { get; }
    /// <summary>Bit s % 64 of word s / 64 is set when slot s may be non-zero.</summary>
    public ulong[] Occupied { get; }

    public Histogram(BinLayout layout)
    {
        _featureOfSlot = layout.FeatureOfSlot;
        _offset = layout.Offset;
        Bins = new BinSums[layout.SlotCount];
        NonZero = new BinSums[layout.FeatureCount];
        Occupied = new ulong[(layout.SlotCount + 63) / 64];
        _slots = new int[layout.SlotCount + 1];
        _features = new int[layout.FeatureCount];
    }

    /// <summary>Replaces the content with the sums of the rows order[begin..begin+count−1].</summary>
    public void Build(BinnedRows rows, int[] order, int begin, int count, GradientPair[] gradients)
    {
        Clear();
        int[] rowStart = rows.RowStart, slots = rows.Slots, touched = _slots;
        long entries = 0;
        for (int i = begin; i < begin + count; i++) entries += rowStart[order[i] + 1] - rowStart[order[i]];
        BinSums[] bins = Bins;
        if (2 * entries > bins.Length)
        {
            // Most slots will be hit: cheaper to skip first-touch bookkeeping and sweep all slots after.
            for (int i = begin; i < begin + count; i++)
            {
                int r = order[i];
                double g = gradients[r].G, h = gradients[r].H;
                for (int e = rowStart[r]; e < rowStart[r + 1]; e++)
                {
                    ref var bin = ref bins[slots[e]];
                    bin.G += g; bin.H += h; bin.Count += 1;
                }
            }
            Sweep();
            return;
        }

        int touchedCount = 0; // a local, not the field: keeps the hot loop free of a store-to-load chain
        for (int i = begin; i < begin + count; i++)
        {
            int r = order[i];
            double g = gradients[r].G, h = gradients[r].H;
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++)
            {
                int s = slots[e];
                ref var bin = ref bins[s];
                // Record first touches without branching (which is close to random): write always, advance when new.
                touched[touchedCount] = s;
                touchedCount += bin.Count == 0 ? 1 : 0;
                bin.G += g; bin.H += h; bin.Count += 1;
            }
        }
        _slotCount = touchedCount;

        // Marks and per-feature totals from the touched slots: in large nodes far fewer than the entries.
        BinSums[] nonZero = NonZero;
        for (int i = 0; i < touchedCount; i++)
        {
            int s = touched[i], f = _featureOfSlot[s];
            Occupied[s >> 6] |= 1UL << s;
            ref var sums = ref nonZero[f];
            if (sums.Count == 0) _features[_featureCount++] = f;
            ref readonly var bin = ref bins[s];
            sums.G += bin.G; sums.H += bin.H; sums.Count += bin.Count;
        }
    }

    /// <summary>
    /// Replaces the content with the sums of the rows r with leafOf[r] == leaf, going through every
    /// stored non-zero one feature at a time: a feature's bins stay in cache while its rows stream by,
    /// which beats <see cref="Build"/>'s scattered updates once the node holds most of the non-zeros.
    /// Each bin still receives its rows in ascending order, so the bins come out the same.
    /// </summary>
    public void BuildByColumns(BinnedColumns columns, GradientPair[] gradients, int[] leafOf, int leaf)
    {
        Clear();
        int[] rows = columns.Rows, slots = columns.Slots;
        BinSums[] bins = Bins;
        for (int e = 0; e < rows.Length; e++)
        {
            // Rows of other nodes add exact zeros: a weight, not a branch, as membership may look random.
            int r = rows[e];
            double w = leafOf[r] == leaf ? 1 : 0;
            ref var bin = ref bins[slots[e]];
            bin.G += w * gradients[r].G; bin.H += w * gradients[r].H; bin.Count += w;
        }
        Sweep();
    }

    /// <summary>Lists, marks and totals per feature the occupied slots, in slot order.</summary>
    private void Sweep()
    {
        BinSums[] bins = Bins;
        for (int f = 0; f < NonZero.Length; f++)
        {
            ref var sums = ref NonZero[f];
            for (int s = _offset[f]; s < _offset[f + 1]; s++)
            {
                ref readonly var bin = ref bins[s];
                if (bin.Count == 0) continue;
                _slots[_slotCount++] = s;
                Occupied[s >> 6] |= 1UL << s;
                sums.G += bin.G; sums.H += bin.H; sums.Count += bin.Count;
            }
            if (sums.Count > 0) _features[_featureCount++] = f;
        }
    }

    /// <summary>Turns a parent's sums into those of its other child: this −= child. Only the child's slots can change.</summary>
    public void Subtract(Histogram child)
    {
        if (child._slotCount > Bins.Length / 4)
        {
            // As in Clear: sequential beats scattered; the child's other slots are exact zeros.
            for (int s = 0; s < Bins.Length; s++) Subtract(ref Bins[s], child.Bins[s]);
            for (int f = 0; f < NonZero.Length; f++) Subtract(ref NonZero[f], child.NonZero[f]);
            return;
        }
        for (int i = 0; i < child._slotCount; i++) Subtract(ref Bins[child._slots[i]], child.Bins[child._slots[i]]);
        for (int i = 0; i < child._featureCount; i++) Subtract(ref NonZero[child._features[i]], child.NonZero[child._features[i]]);
    }

    private static void Subtract(ref BinSums a, in BinSums b)
    {
        a.G -= b.G; a.H -= b.H; a.Count -= b.Count;
    }

    /// <summary>Zeroes what the last build wrote (a subtraction only writes within it).</summary>
    private void Clear()
    {
        // Scattered writes cost several times a sequential clear: past a quarter of the slots, clear all.
        if (_slotCount > Bins.Length / 4)
        {
            Array.Clear(Bins);
            Array.Clear(Occupied);
        }
        else
        {
            for (int i = 0; i < _slotCount; i++)
            {
                Bins[_slots[i]] = default;
                Occupied[_slots[i] >> 6] = 0;
            }
        }
        for (int i = 0; i < _featureCount; i++) NonZero[_features[i]] = default;
        _slotCount = 0;
        _featureCount = 0;
    }
}
