using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// The head of a post on the Reddit redesign, one field a line: the subreddit ("r/CubaTrips", its age glued or under it: "• 6 hr. ago"),
/// the poster's handle ("mango_pilot", "Posted by u/x"), perhaps a flair of a word or three ("Travel advice", "Question"), then the
/// post's title, however it ends (a question, two sentences). The head's lines name no headline themselves, and a menu above them
/// ("Get App   Log In") is no title either.
/// </summary>
internal static partial class RedditHead
{
    /// <summary>The most lines between the subreddit and the title: the age, the poster, a flair.</summary>
    private const int HeadMaxLines = 3;

    /// <summary>The most words a flair has.</summary>
    private const int FlairMaxWords = 3;

    /// <summary>The most characters Reddit allows in a post's title.</summary>
    private const int TitleMaxChars = 300;

    /// <summary>Whether a line can be a post's title: within Reddit's limit, sentences and all, and no metadata.</summary>
    public static bool MayBeTitle(string text) => text.Length <= TitleMaxChars && !PageCues.IsMetadata(text);

    /// <summary>The line of the post's title under a subreddit's head that gives the post's age, or alone over the first reply's poster line, or null.</summary>
    public static int? TitleAt(List<PageLine> lines)
    {
        for (int sub = 0; sub < lines.Count; sub++)
        {
            if (!lines[sub].HasText || Subreddit().Match(lines[sub].Text) is not { Success: true } m) continue;
            bool aged = m.Groups["age"].Success && PageCues.IsStamp(m.Groups["age"].Value), poster = false;
            int at = sub, seen = 0;
            while (PageLines.NextText(lines, at + 1) is int n && seen < HeadMaxLines && IsHeadField(lines[n].Text))
            {
                if (PageCues.IsStamp(lines[n].Text)) aged = true;
                else poster = true;
                (at, seen) = (n, seen + 1);
            }
            if (!aged || !poster || PageLines.NextText(lines, at + 1) is not int title) continue;
            // A flair over the title: a label of a few words, the title the next line.
            if (PageCues.Words(lines[title].Text) <= FlairMaxWords && !UnitCues.EndsSentence(lines[title].Text) && PageLines.NextText(lines, title + 1) is int below
                && MayBeTitle(lines[below].Text)) title = below;
            if (MayBeTitle(lines[title].Text)) return title;
        }
        // A saved thread may start at its title, with no head over it and no post under it: the one line over the first reply's poster line.
        int reply = FirstReplyPoster(lines);
        if (reply > 0 && PageLines.NextText(lines, 0) is int top && PageLines.NextText(lines, top + 1) == reply
            && MayBeTitle(lines[top].Text) && !PageCues.IsRedditPoster(lines[top].Text) && !Subreddit().IsMatch(lines[top].Text)) return top;
        return null;
    }

    /// <summary>
    /// The first reply's poster line ("u/name 9h ago"), or -1: every line below it is in the replies, and a reply however short and
    /// unpunctuated ("Nobody will film it") is never the page's headline.
    /// </summary>
    public static int FirstReplyPoster(List<PageLine> lines) => lines.FindIndex(l => l.HasText && PageCues.IsRedditReplyPoster(l.Text));

    /// <summary>A line of the head: the post's age or its poster, a handle of one word ("mango_pilot") or a poster line ("Posted by u/x • 7 hr. ago").</summary>
    private static bool IsHeadField(string text) =>
        PageCues.IsStamp(text) || PageCues.IsRedditPoster(text) || PageCues.IsMetadata(text) && text.Contains("u/", StringComparison.Ordinal) || Handle().IsMatch(text);

    [GeneratedRegex(@"^r/\w{2,30}(?:\s+[·•]\s+(?<age>.{1,30}))?$")]
    private static partial Regex Subreddit();

    [GeneratedRegex(@"^(?:u/)?[\w-]{3,30}$")]
    private static partial Regex Handle();
}
