namespace Stance.Core.Features;

/// <summary>
/// Rows of sparse vectors in compressed-row form: row r holds Columns[RowStart[r]..RowStart[r+1]]
/// (no repeats) with the matching Values. Parallel arrays, no object per entry. Rows made by the
/// featurizer list their word-block features before their character-block features and are otherwise
/// in order of first appearance; nothing relies on columns being ascending.
/// </summary>
public sealed class SparseMatrix
{
    public int[] RowStart { get; }
    public int[] Columns { get; }
    public float[] Values { get; }
    public int ColumnCount { get; }
    public int RowCount => RowStart.Length - 1;

    public SparseMatrix(int[] rowStart, int[] columns, float[] values, int columnCount)
    {
        if (columns.Length != values.Length || rowStart.Length == 0 || rowStart[^1] != columns.Length)
            throw new ArgumentException("inconsistent sparse matrix arrays");
        RowStart = rowStart; Columns = columns; Values = values; ColumnCount = columnCount;
    }

    public ReadOnlySpan<int> RowColumns(int row) => Columns.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);
    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowStart[row], RowStart[row + 1] - RowStart[row]);

    /// <summary>The rows at the given positions, in that order (for the folds of cross-validation).</summary>
    public SparseMatrix SelectRows(IReadOnlyList<int> rows)
    {
        var start = new int[rows.Count + 1];
        for (int i = 0; i < rows.Count; i++) start[i + 1] = start[i] + RowStart[rows[i] + 1] - RowStart[rows[i]];
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
