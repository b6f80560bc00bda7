namespace Stance.Core.Common;

/// <summary>Which columns of a labeled CSV to read, and which rows.</summary>
public sealed record LabeledDataSpec
{
    public string TextColumn { get; init; } = "text";
    public IReadOnlyList<string> LabelColumns { get; init; } = ["stance"];
    /// <summary>Null: comma, unless the header line shows semicolons or tabs.</summary>
    public char? Delimiter { get; init; }
    public TextEncoding Encoding { get; init; } = TextEncoding.Utf8;
    /// <summary>Bounds the longest field accepted.</summary>
    public MemoryBudget Budget { get; init; } = MemoryBudget.Default;
    /// <summary>Skip (and count) rows with an empty text instead of failing.</summary>
    public bool SkipEmpty { get; init; }
    /// <summary>Column whose values are CV groups (folds never split a group).</summary>
    public string? GroupColumn { get; init; }
    /// <summary>Keep only rows whose column equals the value (e.g. source=authored); others are counted.</summary>
    public (string Column, string Value)? Where { get; init; }
}
