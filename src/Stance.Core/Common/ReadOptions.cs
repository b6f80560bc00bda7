namespace Stance.Core.Common;

/// <summary>How to read a text input: delimiter (null: detected from the header), encoding, and the longest field accepted.</summary>
public sealed record ReadOptions
{
    /// <summary>Null: comma, unless the header line shows more semicolons or tabs.</summary>
    public char? Delimiter { get; init; }
    public TextEncoding Encoding { get; init; } = TextEncoding.Utf8;
    /// <summary>A longer field is an error (an unclosed quote would otherwise swallow the rest of the file).</summary>
    public long MaxFieldChars { get; init; } = MemoryBudget.Default.MaxFieldChars;
    /// <summary>False: the first line is data, and the columns are named by their 1-based position ("1", "2", …).</summary>
    public bool HasHeader { get; init; } = true;

    public static ReadOptions For(char? delimiter, TextEncoding encoding, MemoryBudget budget) =>
        new() { Delimiter = delimiter, Encoding = encoding, MaxFieldChars = budget.MaxFieldChars };
}
