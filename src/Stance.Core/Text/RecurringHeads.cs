using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// A thread's posts told by the shape of their heads, whatever words a platform uses: a short line that is no prose, printed over
/// a block of prose, whose first word comes back over a later block ("Posted: 11 May 2007 10:51 AM" and "Posted: 11 May 2007 11:09
/// AM [ # 1 ]", or a rank "Staff member" over the opening post and again over a reply). A forum prints the same head over every
/// post, so one that recurs over prose after the body began marks where the replies start, even when its words are in no list.
/// </summary>
internal static partial class RecurringHeads
{
    /// <summary>The most words a post's head has; a longer line is a sentence's start or a title.</summary>
    private const int HeadMaxWords = 16;

    /// <summary>The fewest words of a block below a head that need end no sentence: a reply may close on a smiley, ":)".</summary>
    private const int LongBlockWords = 20;

    /// <summary>
    /// The most words of letters alone in a head with a date or count: a label, a name, a month ("Posted: 11 May 2007 10:51 AM [ Ignore ]"
    /// has four). A hard-wrapped line of prose with a number in it ("Shares fell 11 per cent on the Toronto Stock Exchange on") has more.
    /// </summary>
    private const int HeadMaxLetterWords = 5;

    /// <summary>
    /// Where the replies start, from <paramref name="from"/> on: the first head that repeats, by its first word, a head printed
    /// earlier over prose (the opening post's), with the opening post's prose between them. Null when no head recurs so.
    /// </summary>
    public static int? FirstReplyAt(List<PageLine> lines, int from)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool proseSince = false;
        for (int i = Math.Max(from, 0); i < lines.Count; i++)
        {
            if (!lines[i].HasText) continue;
            if (IsHead(lines, i))
            {
                string key = Key(lines[i].Text);
                if (proseSince && seen.Contains(key)) return i;
                seen.Add(key);
                proseSince = false;
                continue;
            }
            if (seen.Count > 0 && BodyBounds.IsProse(lines[i])) proseSince = true;
        }
        return null;
    }

    /// <summary>
    /// A head: a short line of text that ends no sentence, the poster's rank or name (three words at most) or a line with its date or
    /// count, over a block of prose that ends a sentence or is long. Not a date unless it says it was posted (a liveblog stamps its entries with
    /// the time alone), a caption, a bullet, or a line whose first word is in capitals (a newsletter's crosshead "THE BORDER", an
    /// article's "READ MORE: …" box).
    /// </summary>
    private static bool IsHead(List<PageLine> lines, int at)
    {
        string text = lines[at].Text;
        return !lines[at].Bullet && PageCues.Words(text) <= HeadMaxWords && (PageCues.Words(text) <= 3 || text.Any(char.IsDigit) && LetterWords(text) <= HeadMaxLetterWords)
            && !UnitCues.EndsSentence(text) && char.IsLetter(text[0]) && text.Split(' ', 2)[0].Any(char.IsLower)
            && (!PageCues.IsStamp(text) || PostedStamp().IsMatch(text)) && !UnitCues.IsCaption(text)
            && PageLines.NextText(lines, at + 1) is int below && BodyBounds.IsProse(lines[below])
            && (BodyBounds.ProseRunEndsSentence(lines, below) || PageCues.Words(lines[below].Text) >= LongBlockWords);
    }

    private static int LetterWords(string text) => text.Split(' ').Count(w => w.Length > 0 && w.All(char.IsLetter));

    /// <summary>The head's first word in lower case: what a platform prints the same over every post.</summary>
    private static string Key(string text) => text.Split(' ', 2)[0].ToLowerInvariant();

    [GeneratedRegex(@"(?i)^posted\b")]
    private static partial Regex PostedStamp();
}
