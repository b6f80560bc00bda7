using Stance.Core.Common;
using Stance.Core.Text;

namespace Stance.Core.Input;

/// <summary>
/// One text to score, with where it came from, any other columns of its CSV row, and its kind: for an
/// article the segmenter's headline | paragraph | comment | caption | byline, for a CSV row its kind
/// column when it has one, else "text".
/// </summary>
public sealed record ScoringUnit(string Id, string Source, long Line, string Text, IReadOnlyDictionary<string, string> Columns, string Kind)
{
    /// <summary>1-based position in its input: the unit number of an article, the row number of a CSV.</summary>
    public int Index { get; init; }
    /// <summary>True for units cut from an article page (.txt), which also get an article record.</summary>
    public bool FromArticle { get; init; }
}
