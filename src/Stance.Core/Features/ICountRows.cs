namespace Stance.Core.Features;

/// <summary>
/// Rows of term counts read by row index, as <see cref="ColumnMatrix"/>'s passes read them: held in memory
/// (<see cref="SparseMatrix"/>) or counted again from the texts whenever they are read (<see cref="RecountedRows"/>).
/// </summary>
public interface ICountRows
{
    int RowCount { get; }
    int ColumnCount { get; }
    ReadOnlySpan<int> RowColumns(int row);
    ReadOnlySpan<float> RowValues(int row);
    int RowLength(int row);
}
