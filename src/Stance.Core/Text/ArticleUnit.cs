namespace Stance.Core.Text;

/// <summary>
/// What a unit of an article page is. Headlines, paragraphs and comments are the text a reader argues
/// with; captions and bylines are reported too, so the caller can decide not to score them as body.
/// </summary>
public enum UnitKind { Headline, Paragraph, Comment, Caption, Byline }

/// <summary>One unit of an article: its kind, its text on one line (single spaces) and the 1-based line it starts on.</summary>
public sealed record ArticleUnit(UnitKind Kind, string Text, int Line)
{
    /// <summary>"headline", "paragraph", "comment", "caption" or "byline": the spelling of the corpus's kind column.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();
}
