using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// Crossheads known by their place in a body rather than by their length (<see cref="PageCues.IsCrosshead"/> takes the
/// short ones): a listicle's numbered heads and the longer heads set between two paragraphs.
/// </summary>
internal static partial class Crosshead
{
    /// <summary>"1. Getting there …", "2) Documents": a line opening with an item's number.</summary>
    public static bool StartsNumbered(string text) => NumberedItem().IsMatch(text);

    /// <summary>
    /// "1. Getting there takes longer than you think" right over a paragraph: a listicle's numbered crosshead, however long.
    /// A numbered list's item sits over the next item, not over a paragraph of sentences.
    /// </summary>
    public static bool IsNumbered(List<PageLine> region, int at) =>
        region[at].HasText && StartsNumbered(region[at].Text) && !UnitCues.EndsSentence(region[at].Text) && PageCues.Words(region[at].Text) <= 15
        && at + 1 < region.Count && region[at + 1] is { HasText: true } below && !StartsNumbered(below.Text) && PageCues.OpensBody(below.Text);

    /// <summary>
    /// "Sanctions change your suppliers, not just your bank" between two paragraphs: a crosshead longer than
    /// <see cref="PageCues.IsCrosshead"/>'s, known by its place: no final punctuation, a finished sentence right above it and a
    /// sentence opening a paragraph right below, no sentence of its own inside. A hard-wrapped line ending "… affected. In" or
    /// "… between March 3 and" goes on in the line below; a dek has the headline above it.
    /// </summary>
    public static bool IsLong(List<PageLine> region, int at)
    {
        var l = region[at];
        if (!l.HasText || l.Bullet || PageCues.Words(l.Text) > 12 || !NoFinalPunctuation().IsMatch(l.Text) || !char.IsUpper(l.Text[0]) || l.Text.Contains(". ")
            || EndsDangling(l.Text)) return false;
        return PageLines.PreviousText(region, at - 1) is int above && UnitCues.EndsSentence(region[above].Text) && PageCues.Words(region[above].Text) >= 6
            && PageLines.NextText(region, at + 1) is int below && PageCues.OpensBody(region[below].Text) && char.IsUpper(region[below].Text[0]);
    }

    [GeneratedRegex(@"^\d{1,2}[.)]\s")]
    private static partial Regex NumberedItem();

    [GeneratedRegex(@"[\p{L}\p{N}]$")]
    private static partial Regex NoFinalPunctuation();

    /// <summary>Whether a line ends in a conjunction, article or preposition ("… and", "… of the"): its sentence or title goes on below.</summary>
    public static bool EndsDangling(string text) => DanglingWord().IsMatch(text);

    [GeneratedRegex(@"(?i)\s(?:and|or|but|nor|the|a|an|of|to|in|on|at|for|with|from|by|between|than|that|as|y|o|de|del|la|el|los|las|en|con|por|para)$")]
    private static partial Regex DanglingWord();
}
