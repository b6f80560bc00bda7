namespace Stance.Core.Text;

/// <summary>
/// What a unit of an article page is. Headlines, paragraphs and comments are the text a reader argues
/// with; captions and bylines are reported too, so the caller can decide not to score them as body.
/// </summary>
public enum UnitKind { Headline, Paragraph, Comment, Caption, Byline }
