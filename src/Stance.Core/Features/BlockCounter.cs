namespace Stance.Core.Features;

/// <summary>
/// Counts the n-grams of a block of consecutive texts into reusable arrays: row r of the block holds
/// Columns[RowStart[r]..RowStart[r+1]] with the matching Counts (each row's distinct features once, word
/// block first, otherwise in order of first appearance; the encoder block appended when the options use it).
/// One instance per thread.
/// </summary>
internal sealed class BlockCounter
{
    private readonly FeaturizerOptions _options;
    private readonly TermCounter _counter;

    public BlockCounter(FeaturizerOptions options, int rows)
    {
        _options = options;
        _counter = new TermCounter(options);
        Rows = rows;
        RowStart = new int[rows + 1];
    }

    /// <summary>Rows per block (the last block of the texts may have fewer).</summary>
    public int Rows { get; }
    public int[] RowStart { get; }
    public int[] Columns { get; private set; } = new int[1 << 16];
    public float[] Counts { get; private set; } = new float[1 << 16];
    /// <summary>The block last counted, −1 before the first.</summary>
    public int Block { get; private set; } = -1;
    /// <summary>Rows in the block last counted.</summary>
    public int RowCount { get; private set; }

    /// <summary>Counts block <paramref name="block"/> of the texts (rows block·<see cref="Rows"/> onward); returns its entries.</summary>
    public int Count(IReadOnlyList<string> texts, IReadOnlyList<float[]>? encoded, int block)
    {
        int first = block * Rows, end = Math.Min(texts.Count, first + Rows), at = 0;
        var columns = Columns;
        var counts = Counts;
        for (int r = first; r < end; r++)
        {
            int n = _options.UsesNgrams ? _counter.CountDistinct(texts[r]) : 0, e = _options.EncoderDimension;
            if (at + n + e > columns.Length)
            {
                int size = Math.Max(columns.Length * 2, at + n + e);
                Array.Resize(ref columns, size);
                Array.Resize(ref counts, size);
                Columns = columns;
                Counts = counts;
            }
            if (n > 0)
            {
                _counter.Ids.CopyTo(columns.AsSpan(at));
                var rowCounts = _counter.Counts;
                var into = counts.AsSpan(at, n);
                for (int i = 0; i < into.Length; i++) into[i] = rowCounts[i];
                at += n;
            }
            if (e > 0) at += Featurizer.AppendEncoded(_options, encoded![r], columns.AsSpan(at), counts.AsSpan(at));
            RowStart[r - first + 1] = at;
        }
        Block = block;
        RowCount = end - first;
        return at;
    }
}
