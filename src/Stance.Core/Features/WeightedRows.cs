namespace Stance.Core.Features;

/// <summary>
/// Rows to train on, described rather than copied: some rows (all when <see cref="Rows"/> is null) of a
/// source matrix, weighted by a TF-IDF weighting on the fly when one is given (the source then holds term
/// counts). The column layout the learner needs is built once, on first use, and shared by every head.
/// </summary>
public sealed class WeightedRows
{
    private readonly object _gate = new();
    private ColumnMatrix? _columns;
    private SparseMatrix? _source;

    public TfidfWeighting? Weighting { get; }
    public IReadOnlyList<int>? Rows { get; }
    public int Count { get; }
    public int Dimension { get; }

    /// <param name="columns">The rows already laid out by column (as <see cref="ColumnMatrix.FitTfidf"/> gives them), if at hand.</param>
    public WeightedRows(SparseMatrix source, TfidfWeighting? weighting = null, IReadOnlyList<int>? rows = null, ColumnMatrix? columns = null)
    {
        if (weighting is not null && weighting.Idf.Length != source.ColumnCount) throw new ArgumentException("weighting does not match the matrix");
        if (columns is not null && columns.RowCount != (rows?.Count ?? source.RowCount)) throw new ArgumentException("the column layout does not match the rows");
        _source = source; Weighting = weighting; Rows = rows; _columns = columns;
        Count = rows?.Count ?? source.RowCount;
        Dimension = source.ColumnCount;
    }

    /// <summary>Rows already laid out by column, with no source rows behind them (for a fit that needs no subsets of them: no λ search).</summary>
    public WeightedRows(ColumnMatrix columns, TfidfWeighting weighting)
    {
        if (weighting.Idf.Length != columns.SourceColumns) throw new ArgumentException("weighting does not match the matrix");
        _columns = columns; Weighting = weighting;
        Count = columns.RowCount;
        Dimension = columns.SourceColumns;
    }

    public SparseMatrix Source => _source ?? throw new InvalidOperationException("the source rows were released");

    /// <summary>The rows by column over the features they use (built on first call).</summary>
    public ColumnMatrix Columns
    {
        get
        {
            lock (_gate) return _columns ??= ColumnMatrix.FromRows(Source, Rows, Weighting);
        }
    }

    /// <summary>Builds <see cref="Columns"/> and lets go of the source rows, when nothing else will need them (no λ search).</summary>
    public void ReleaseSource()
    {
        _ = Columns;
        _source = null;
    }

    /// <summary>A subset, given as positions among these rows.</summary>
    public WeightedRows Subset(IReadOnlyList<int> positions)
    {
        var rows = new int[positions.Count];
        for (int i = 0; i < rows.Length; i++) rows[i] = Rows?[positions[i]] ?? positions[i];
        return new WeightedRows(Source, Weighting, rows);
    }

    /// <summary>
    /// Row i (a position among these rows), weighted, into the given buffers (grown when too small);
    /// returns its length.
    /// </summary>
    public int Row(int i, ref int[] columns, ref float[] values)
    {
        var source = Source;
        int r = Rows?[i] ?? i;
        var cols = source.RowColumns(r);
        var vals = source.RowValues(r);
        if (columns.Length < cols.Length) { columns = new int[cols.Length * 2]; values = new float[cols.Length * 2]; }
        if (Weighting is not null) return Weighting.WeighRow(cols, vals, columns, values);
        cols.CopyTo(columns);
        vals.CopyTo(values);
        return cols.Length;
    }
}
