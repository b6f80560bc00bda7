using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>A question (or an exclamation) that is a page's headline rather than its body's first sentence, told by what sits under it.</summary>
internal static partial class QuestionTitle
{
    /// <summary>
    /// A Q&amp;A's question as its title, one sentence that asks ("How do I get a bicycle to my cousin in Cienfuegos?"), over the details
    /// a footer counting its answers closes ("posted by x to Travel (8 answers total)"): a body's first sentence has no such footer below.
    /// </summary>
    public static bool Asked(List<PageLine> lines, int at) =>
        lines[at].Text.EndsWith('?') && !lines[at].Text.Contains(". ", StringComparison.Ordinal) && lines.Skip(at + 1).Any(l => l.Role == LineRole.CommentHeader && PageLines.CountsAnswers(l.Text));

    /// <summary>
    /// A question with its dek below it (a line that ends no sentence) and a byline or date under the dek ("Brussels keeps talking. Is
    /// anyone listening?" over an unpunctuated dek, the date below that): a body's first sentence has no date under the line that follows it.
    /// </summary>
    public static bool OverDek(List<PageLine> lines, int at) =>
        lines[at].Text.EndsWith('?') && PageLines.NextText(lines, at + 1) is int dek && !UnitCues.EndsSentence(lines[dek].Text)
        && PageLines.NextText(lines, dek + 1) is int n && PageCues.IsBylineOrDate(lines[n].Text);

    /// <summary>
    /// The page's first line as a reader's extractor gives it, a title that ends in a question or an exclamation (its closing quote allowed:
    /// "… the blackout: "How long?"", "… but we are well trained!"): one sentence of a headline's length, a blank line under it, and a longer
    /// line of text below that. A body's first sentence is not set apart from the next by a blank line before a longer one.
    /// </summary>
    public static bool Exclaimed(List<PageLine> lines, int at) =>
        ExclaimedEnd().IsMatch(lines[at].Text) && PageCues.Words(lines[at].Text) is >= 4 and <= UnitCues.HeadlineMaxWords
        && !lines[at].Text.Contains(". ", StringComparison.Ordinal) && at + 1 < lines.Count && lines[at + 1].Role == LineRole.Blank
        && PageLines.NextText(lines, at + 1) is int n && lines[n].Text.Length > lines[at].Text.Length;

    [GeneratedRegex(@"[?!][""”’]?$")]
    private static partial Regex ExclaimedEnd();
}
