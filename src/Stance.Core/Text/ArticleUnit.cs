namespace Stance.Core.Text;

/// <summary>One unit of an article: its kind, its text on one line (single spaces) and the 1-based line it starts on.</summary>
public sealed record ArticleUnit(UnitKind Kind, string Text, int Line)
{
    /// <summary>"headline", "paragraph", "comment", "caption" or "byline": the spelling of the corpus's kind column.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();
}
