namespace Stance.Core.Learning.Trees;

/// <summary>
/// Grows one regression tree on per-row (gradient, hessian) pairs, best-first: the open leaf whose best
/// split gains most is split next, until NumberOfLeaves leaves exist or no leaf can be split. Each leaf
/// owns a contiguous range of <c>_order</c> (rows kept ascending by a stable partition); each open leaf
/// may keep its histogram so that, when it is split, only the smaller child's is built from rows and
/// the larger child's is the parent's minus it. Leaf totals are always summed from the rows, so leaf
/// values do not depend on how the histograms were obtained. One grower serves one thread.
/// </summary>
internal sealed class TreeGrower
{
    private readonly BinnedRows _rows;
    private readonly BinnedColumns _columns;
    private readonly BinLayout _layout;
    private readonly BoostedTreesOptions _options;
    private readonly HistogramPool _pool;
    private readonly int _maxLeaves;
    private readonly int[] _order, _scratch;
    private readonly bool[] _flipped;
    /// <summary>The leaf holding each bagged row, −1 for rows out of the bag.</summary>
    private readonly int[] _leafOf;
    private readonly int[] _begin, _count, _buffer, _parentNode;
    private readonly double[] _sumG, _sumH;
    private readonly SplitCandidate[] _best;
    private GradientPair[] _gradients = [];
    private bool[]? _mask;
    private int _leaves;

    public TreeGrower(BinnedRows rows, BinnedColumns columns, BinLayout layout, BoostedTreesOptions options)
    {
        _rows = rows; _columns = columns; _layout = layout; _options = options;
        _maxLeaves = options.NumberOfLeaves;
        long bytesPerHistogram = Math.Max(1L, 28L * (layout.SlotCount + layout.FeatureCount)); // sums and touched lists
        int capacity = (int)Math.Clamp(options.HistogramBudgetBytes / bytesPerHistogram, 2, _maxLeaves);
        _pool = new HistogramPool(capacity, layout);
        _order = new int[rows.RowCount];
        _scratch = new int[rows.RowCount];
        _flipped = new bool[rows.RowCount];
        _leafOf = new int[rows.RowCount];
        _begin = new int[_maxLeaves]; _count = new int[_maxLeaves];
        _buffer = new int[_maxLeaves]; _parentNode = new int[_maxLeaves];
        _sumG = new double[_maxLeaves]; _sumH = new double[_maxLeaves];
        _best = new SplitCandidate[_maxLeaves];
    }

    /// <summary>
    /// Grows a tree on the rows bag[0..bagCount−1] (ascending) with the given per-row derivatives,
    /// splitting only on features whose mask entry is true (null = all). Leaf values include the learning
    /// rate.
    /// </summary>
    public GrownTree Grow(GradientPair[] gradients, int[] bag, int bagCount, bool[]? featureMask)
    {
        _gradients = gradients; _mask = featureMask;
        var tree = new GrownTree(_maxLeaves);
        Array.Copy(bag, _order, bagCount);
        if (bagCount < _leafOf.Length) Array.Fill(_leafOf, -1);
        for (int i = 0; i < bagCount; i++) _leafOf[bag[i]] = 0;
        _leaves = 1;
        _begin[0] = 0; _count[0] = bagCount; _parentNode[0] = -1; _buffer[0] = -1;
        SumRows(0);
        if (CanSplit(0))
        {
            Build(0, keep: -1);
            _best[0] = FindSplit(0);
        }
        else _best[0] = SplitCandidate.None;
        ReleaseIfClosed(0);

        while (_leaves < _maxLeaves)
        {
            int leaf = -1;
            for (int l = 0; l < _leaves; l++)
                if (_best[l].Exists && (leaf < 0 || _best[l].Gain > _best[leaf].Gain)) leaf = l;
            if (leaf < 0) break;
            Split(tree, leaf);
        }

        double lambda = _options.L2Regularization, rate = _options.LearningRate;
        for (int l = 0; l < _leaves; l++)
        {
            if (_buffer[l] >= 0) { _pool.Release(_buffer[l]); _buffer[l] = -1; }
            double denominator = _sumH[l] + lambda;
            tree.LeafValue[l] = denominator > 0 ? -rate * _sumG[l] / denominator : 0;
        }
        return tree;
    }

    /// <summary>Adds each bagged row's leaf value to its score (rows as left by the last <see cref="Grow"/>).</summary>
    public void AddLeafValues(GrownTree tree, double[] scores)
    {
        for (int l = 0; l < tree.LeafCount; l++)
        {
            double v = tree.LeafValue[l];
            for (int i = _begin[l]; i < _begin[l] + _count[l]; i++) scores[_order[i]] += v;
        }
    }

    private void Split(GrownTree tree, int leaf)
    {
        var split = _best[leaf];
        int right = _leaves++;
        int node = tree.Split(_parentNode[leaf], leaf, right, split.Feature, split.Bin);
        _parentNode[leaf] = node; _parentNode[right] = node;
        Partition(leaf, right, split.Feature, split.Bin);
        SumRows(leaf); SumRows(right);

        int small = _count[leaf] <= _count[right] ? leaf : right, large = small == leaf ? right : leaf;
        int parentBuffer = _buffer[leaf];
        _buffer[leaf] = -1; _buffer[right] = -1;
        bool useParent = _options.HistogramSubtraction && parentBuffer >= 0 && CanSplit(large);
        if (!useParent && parentBuffer >= 0) _pool.Release(parentBuffer);
        if (useParent || CanSplit(small)) Build(small, keep: -1);
        if (useParent)
        {
            _pool[parentBuffer].Subtract(_pool[_buffer[small]]);
            _buffer[large] = parentBuffer;
        }
        else if (CanSplit(large)) Build(large, keep: small);

        _best[small] = CanSplit(small) ? FindSplit(small) : SplitCandidate.None;
        _best[large] = CanSplit(large) ? FindSplit(large) : SplitCandidate.None;
        ReleaseIfClosed(small);
        ReleaseIfClosed(large);
    }

    /// <summary>
    /// Stable partition of the leaf's rows: bin ≤ split bin stay in leaf, the rest go to right. When the
    /// feature is stored by few rows, its column marks those whose side differs from the zero bin's;
    /// otherwise each row's bin is found by binary search.
    /// </summary>
    private void Partition(int leaf, int right, int feature, int bin)
    {
        int begin = _begin[leaf], end = begin + _count[leaf], kept = 0, moved = 0;
        int columnStart = _columns.Start[feature], columnEnd = _columns.Start[feature + 1], first = _layout.Offset[feature];
        bool byColumn = columnEnd - columnStart <= 8 * _count[leaf];
        bool zeroRight = _layout.ZeroBin[feature] > bin;
        if (byColumn)
            for (int e = columnStart; e < columnEnd; e++)
                _flipped[_columns.Rows[e]] = (_columns.Slots[e] - first > bin) != zeroRight;
        for (int i = begin; i < end; i++)
        {
            int r = _order[i];
            bool goesRight = byColumn ? _flipped[r] != zeroRight : _rows.BinOf(r, feature) > bin;
            if (goesRight) _scratch[moved++] = r;
            else _order[begin + kept++] = r;
        }
        if (byColumn)
            for (int e = columnStart; e < columnEnd; e++) _flipped[_columns.Rows[e]] = false;
        Array.Copy(_scratch, 0, _order, begin + kept, moved);
        for (int i = 0; i < moved; i++) _leafOf[_scratch[i]] = right;
        _count[leaf] = kept;
        _begin[right] = begin + kept; _count[right] = moved;
    }

    private void SumRows(int leaf)
    {
        double g = 0, h = 0;
        for (int i = _begin[leaf]; i < _begin[leaf] + _count[leaf]; i++)
        {
            int r = _order[i];
            g += _gradients[r].G; h += _gradients[r].H;
        }
        _sumG[leaf] = g; _sumH[leaf] = h;
    }

    /// <summary>A split is only worth looking for if both sides could get enough rows and leaves remain.</summary>
    private bool CanSplit(int leaf) => _leaves < _maxLeaves && _count[leaf] >= 2 * _options.MinimumExampleCountPerLeaf;

    /// <summary>
    /// Builds the leaf's histogram by rows, or by columns when the leaf holds most of the stored
    /// non-zeros (the root, unless bagging leaves many rows out): by columns every non-zero is visited,
    /// but in cache-friendly order. Measured, the crossover lies well above half; either way the bins
    /// come out the same.
    /// </summary>
    private void Build(int leaf, int keep)
    {
        _buffer[leaf] = Take(keep);
        var histogram = _pool[_buffer[leaf]];
        long entries = 0;
        for (int i = _begin[leaf]; i < _begin[leaf] + _count[leaf]; i++) entries += _rows.RowStart[_order[i] + 1] - _rows.RowStart[_order[i]];
        if (4 * entries > 3L * _rows.Slots.Length) histogram.BuildByColumns(_columns, _gradients, _leafOf, leaf);
        else histogram.Build(_rows, _order, _begin[leaf], _count[leaf], _gradients);
    }

    private SplitCandidate FindSplit(int leaf) => SplitFinder.Best(_pool[_buffer[leaf]], _layout, _mask,
        _sumG[leaf], _sumH[leaf], _count[leaf], _options.MinimumExampleCountPerLeaf, _options.L2Regularization);

    private void ReleaseIfClosed(int leaf)
    {
        if (_buffer[leaf] >= 0 && !_best[leaf].Exists) { _pool.Release(_buffer[leaf]); _buffer[leaf] = -1; }
    }

    /// <summary>
    /// A free buffer; when all are taken, the open leaf least likely to be split next (lowest gain, then
    /// lowest index) gives up its histogram — its children will be built from rows instead. Leaf keep (a
    /// child just built, whose best split is not known yet) is never chosen; a pool of two suffices.
    /// </summary>
    private int Take(int keep)
    {
        int index = _pool.Acquire();
        if (index >= 0) return index;
        int victim = -1;
        for (int l = 0; l < _leaves; l++)
            if (l != keep && _buffer[l] >= 0 && (victim < 0 || _best[l].Gain < _best[victim].Gain)) victim = l;
        index = _buffer[victim];
        _buffer[victim] = -1;
        return index;
    }
}
