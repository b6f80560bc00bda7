namespace Stance.Core.Features;

/// <summary>
/// Rows of sparse vectors in compressed-row form: row r holds Columns[RowStart[r]..RowStart[r+1]]
/// (no repeats) with the matching Values. Parallel arrays, no object per entry. Weighted rows
/// (<see cref="TfidfWeighting.Transform(SparseMatrix, IReadOnlyList{int})"/>) are ascending; the term
/// counts of <see cref="Featurizer.CountAll"/> list each row's word-block features before its
/// character-block features and are otherwise in order of first appearance (sorting them cost more
/// than counting, and the learner does not need it).
///
/// A matrix may also be kept as consecutive blocks of rows, each with its own arrays (how
/// <see cref="Featurizer.CountAll"/> makes it: joining the blocks would hold every entry twice at the
/// moment of the copy). <see cref="RowColumns"/> and <see cref="RowValues"/> read either form directly;
/// <see cref="RowStart"/>, <see cref="Columns"/> and <see cref="Values"/> join the blocks into one copy
/// on first use, so the engine itself reads rows through the two methods.
/// </summary>
public sealed class SparseMatrix : ICountRows
{
    private readonly Block[] _blocks;
    private readonly int _blockRows;
    private readonly int _rowCount;
    private Block? _joined;

    private sealed record Block(int[] RowStart, int[] Columns, float[] Values);

    public int ColumnCount { get; }
    public int RowCount => _rowCount;
    /// <summary>Stored entries (non-zeros) over all rows.</summary>
    public long NonZeros { get; }

    public SparseMatrix(int[] rowStart, int[] columns, float[] values, int columnCount)
    {
        if (columns.Length != values.Length || rowStart.Length == 0 || rowStart[^1] != columns.Length)
            throw new ArgumentException("inconsistent sparse matrix arrays");
        _joined = new Block(rowStart, columns, values);
        _blocks = [_joined];
        _rowCount = rowStart.Length - 1;
        _blockRows = Math.Max(1, _rowCount);
        NonZeros = columns.Length;
        ColumnCount = columnCount;
    }

    private SparseMatrix(Block[] blocks, int blockRows, int columnCount)
    {
        _blocks = blocks; _blockRows = blockRows; ColumnCount = columnCount;
        for (int b = 0; b < blocks.Length; b++)
        {
            var blk = blocks[b];
            if (blk.Columns.Length != blk.Values.Length || blk.RowStart.Length == 0 || blk.RowStart[0] != 0 || blk.RowStart[^1] != blk.Columns.Length
                || (b < blocks.Length - 1 && blk.RowStart.Length - 1 != blockRows))
                throw new ArgumentException("inconsistent sparse matrix blocks");
            _rowCount += blk.RowStart.Length - 1;
            NonZeros += blk.Columns.Length;
        }
        if (blocks.Length == 1) _joined = blocks[0];
    }

    /// <summary>A matrix kept as blocks of <paramref name="blockRows"/> consecutive rows (the last may be shorter), each (row starts from 0, columns, values).</summary>
    public static SparseMatrix FromBlocks(IReadOnlyList<(int[] RowStart, int[] Columns, float[] Values)> blocks, int blockRows, int columnCount)
    {
        if (blocks.Count == 0) return new SparseMatrix([0], [], [], columnCount);
        return new SparseMatrix(blocks.Select(b => new Block(b.RowStart, b.Columns, b.Values)).ToArray(), blockRows, columnCount);
    }

    public int[] RowStart => Joined.RowStart;
    public int[] Columns => Joined.Columns;
    public float[] Values => Joined.Values;

    private Block Joined
    {
        get
        {
            if (_joined is { } j) return j;
            lock (_blocks)
            {
                if (_joined is not null) return _joined;
                var start = new int[_rowCount + 1];
                var cols = new int[NonZeros];
                var vals = new float[NonZeros];
                int row = 0, at = 0;
                foreach (var b in _blocks)
                {
                    for (int r = 1; r < b.RowStart.Length; r++) start[row + r] = at + b.RowStart[r];
                    b.Columns.CopyTo(cols, at);
                    b.Values.CopyTo(vals, at);
                    row += b.RowStart.Length - 1;
                    at += b.Columns.Length;
                }
                return _joined = new Block(start, cols, vals);
            }
        }
    }

    public ReadOnlySpan<int> RowColumns(int row)
    {
        var (b, r) = Locate(row);
        return b.Columns.AsSpan(b.RowStart[r], b.RowStart[r + 1] - b.RowStart[r]);
    }

    public ReadOnlySpan<float> RowValues(int row)
    {
        var (b, r) = Locate(row);
        return b.Values.AsSpan(b.RowStart[r], b.RowStart[r + 1] - b.RowStart[r]);
    }

    /// <summary>How many entries row <paramref name="row"/> has.</summary>
    public int RowLength(int row)
    {
        var (b, r) = Locate(row);
        return b.RowStart[r + 1] - b.RowStart[r];
    }

    private (Block, int) Locate(int row)
    {
        if ((uint)row >= (uint)_rowCount) throw new ArgumentOutOfRangeException(nameof(row));
        if (_joined is { } j) return (j, row);
        return (_blocks[row / _blockRows], row % _blockRows);
    }

    /// <summary>The same rows with each row's columns in ascending order (what the boosted trees require).</summary>
    public SparseMatrix WithSortedRows()
    {
        var rows = new (int[], float[])[RowCount];
        Parallel.For(0, RowCount, r =>
        {
            var cols = RowColumns(r).ToArray();
            var vals = RowValues(r).ToArray();
            Array.Sort(cols, vals);
            rows[r] = (cols, vals);
        });
        return FromRows(rows, ColumnCount);
    }

    /// <summary>The rows at the given positions, in that order (for the folds of cross-validation).</summary>
    public SparseMatrix SelectRows(IReadOnlyList<int> rows)
    {
        var start = new int[rows.Count + 1];
        for (int i = 0; i < rows.Count; i++) start[i + 1] = start[i] + RowLength(rows[i]);
        var cols = new int[start[^1]];
        var vals = new float[start[^1]];
        for (int i = 0; i < rows.Count; i++)
        {
            RowColumns(rows[i]).CopyTo(cols.AsSpan(start[i]));
            RowValues(rows[i]).CopyTo(vals.AsSpan(start[i]));
        }
        return new SparseMatrix(start, cols, vals, ColumnCount);
    }

    /// <summary>Builds a matrix from per-row (column, value) lists without repeats.</summary>
    public static SparseMatrix FromRows(IReadOnlyList<(int[] Columns, float[] Values)> rows, int columnCount)
    {
        var start = new int[rows.Count + 1];
        for (int i = 0; i < rows.Count; i++) start[i + 1] = start[i] + rows[i].Columns.Length;
        var cols = new int[start[^1]];
        var vals = new float[start[^1]];
        for (int i = 0; i < rows.Count; i++)
        {
            rows[i].Columns.CopyTo(cols, start[i]);
            rows[i].Values.CopyTo(vals, start[i]);
        }
        return new SparseMatrix(start, cols, vals, columnCount);
    }
}
