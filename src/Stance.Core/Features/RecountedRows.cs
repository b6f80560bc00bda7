namespace Stance.Core.Features;

/// <summary>
/// The term counts of <see cref="Featurizer.CountAll"/>, equal entry for entry, but counted again from the
/// texts each time a block of rows is read instead of held. Laying out large data by column
/// (<see cref="ColumnMatrix.FitTfidf(FeaturizerOptions, ICountRows, IReadOnlyList{int})"/>) then never holds
/// the counts and the layout at once: on 80,000 two-paragraph texts the counts take 770 MB beside the
/// layout's 580 MB, while counting them again costs about a second and a half per pass (three passes:
/// the row lengths here, then the layout's two).
///
/// Reads are meant in row order within a thread (each thread keeps the last two blocks it counted, so a
/// row's spans stay valid while the next row is read); rows read out of order are correct but recounted.
/// </summary>
public sealed class RecountedRows : ICountRows
{
    private readonly FeaturizerOptions _options;
    private readonly IReadOnlyList<string> _texts;
    private readonly IReadOnlyList<float[]>? _encoded;
    private readonly int[] _lengths;
    private readonly ThreadLocal<BlockCounter[]> _counters;

    /// <summary>Rows counted at a time: a block's arrays (about 1,000 entries a row) are held twice per thread, so they are kept small.</summary>
    private const int BlockRows = 64;

    public RecountedRows(FeaturizerOptions options, IReadOnlyList<string> texts, IReadOnlyList<float[]>? encoded = null)
    {
        Featurizer.CheckEncoded(options, encoded, texts.Count);
        _options = options; _texts = texts; _encoded = encoded;
        _counters = new ThreadLocal<BlockCounter[]>(() => [new BlockCounter(options, BlockRows), new BlockCounter(options, BlockRows)]);
        _lengths = new int[texts.Count];
        int blocks = (texts.Count + BlockRows - 1) / BlockRows;
        Parallel.For(0, blocks, b =>
        {
            var counter = Counted(b);
            for (int r = 0; r < counter.RowCount; r++) _lengths[b * BlockRows + r] = counter.RowStart[r + 1] - counter.RowStart[r];
        });
    }

    public int RowCount => _texts.Count;
    public int ColumnCount => _options.Dimension;
    /// <summary>Stored entries (non-zeros) over all rows, as the counts matrix would hold.</summary>
    public long NonZeros => _lengths.Sum(n => (long)n);

    public int RowLength(int row) => _lengths[row];

    public ReadOnlySpan<int> RowColumns(int row)
    {
        var (counter, r) = Locate(row);
        return counter.Columns.AsSpan(counter.RowStart[r], counter.RowStart[r + 1] - counter.RowStart[r]);
    }

    public ReadOnlySpan<float> RowValues(int row)
    {
        var (counter, r) = Locate(row);
        return counter.Counts.AsSpan(counter.RowStart[r], counter.RowStart[r + 1] - counter.RowStart[r]);
    }

    private (BlockCounter, int) Locate(int row)
    {
        if ((uint)row >= (uint)_texts.Count) throw new ArgumentOutOfRangeException(nameof(row));
        return (Counted(row / BlockRows), row % BlockRows);
    }

    /// <summary>This thread's counts of a block: blocks alternate between two counters, so block b's arrays are not reused while b + 1 is read.</summary>
    private BlockCounter Counted(int block)
    {
        var counter = _counters.Value![block & 1];
        if (counter.Block != block) counter.Count(_texts, _encoded, block);
        return counter;
    }
}
