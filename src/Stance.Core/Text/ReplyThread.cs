using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// A thread of replies under a post as social, fediverse and blog-comment platforms print it, with no comment header: each
/// reply a block of prose framed by its poster — a handle or name over it ("lauri.cooks.nyc" over "1h", "@rolo-pedalea  Mar 1,
/// 2026", "Osric Fenwick @osric@mastodon.example", "x reblogged this from y and added:") or its reaction row under it
/// ("♡ 144   💬 2", "3-5 22:03 · Reply · Like 52", "Reply  Repeat 2  Favorite 9"). Whatever the platform, that frame is what
/// tells a reader's reply from the post's own paragraphs.
/// </summary>
internal static partial class ReplyThread
{
    /// <summary>The fewest framed blocks that make a thread: a post with one or two reactions is no thread.</summary>
    private const int MinReplies = 3;

    /// <summary>
    /// Where the replies start, from <paramref name="from"/> on: the head of the first framed block that follows the post's own
    /// text, when three blocks or more are framed. A framed first block is the post itself (its author over it); the replies
    /// are the framed blocks after it.
    /// </summary>
    public static int? StartAt(List<PageLine> lines, int from)
    {
        var framed = new List<int>();
        int firstBlock = -1;
        bool parted = BlankParted(lines);   // a property of the whole page: found once, not per head
        for (int i = Math.Max(from, 0); i < lines.Count; i++)
        {
            if (!IsText(lines[i]) || i > from && IsText(lines[i - 1])) continue;
            int end = i;
            while (end + 1 < lines.Count && IsText(lines[end + 1])) end++;
            if (firstBlock < 0) firstBlock = i;
            if (PosterAbove(lines, i, parted) || end + 1 < lines.Count && lines[end + 1].HasText && IsReactionRow(lines[end + 1].Text)) framed.Add(i);
            i = end;
        }
        // Reddit's own poster lines ("u/name 3d ago", the post's head a subreddit's line) head replies, never the post: two are a thread.
        var reddit = framed.Where(b => RedditHeaded(lines, b, parted)).ToList();
        if (reddit.Count >= 2 && (reddit.Count == framed.Count || reddit.Count == framed.Count - 1 && framed[0] == firstBlock)) return HeadStart(lines, reddit[0], parted);
        if (framed.Count < MinReplies) return null;
        int first = framed[0] == firstBlock ? framed[1] : framed[0];
        return HeadStart(lines, first, parted);
    }

    private static bool IsText(PageLine l) => l.HasText && !PageCues.IsRedditPoster(l.Text) && (PageCues.IsProse(l.Text) || UnitCues.EndsSentence(l.Text) && !PageCues.IsMetadata(l.Text)) && !PageCues.IsBylineOrDate(l.Text);

    /// <summary>The head of the block at <paramref name="block"/>: up to three lines of text right above it, none of them prose.</summary>
    private static int HeadStart(List<PageLine> lines, int block, bool parted)
    {
        int i = block, seen = 0;
        while (seen < 3 && Above(lines, i, parted) is int up && !IsText(lines[up])) (i, seen) = (up, seen + 1);
        return i;
    }

    /// <summary>The text line right above <paramref name="at"/>: the line before it, or, on a page that parts every line by a blank one, the line before that.</summary>
    private static int? Above(List<PageLine> lines, int at, bool parted) =>
        at > 0 && lines[at - 1].HasText ? at - 1 : at > 1 && !lines[at - 1].HasText && lines[at - 2].HasText && parted ? at - 2 : null;

    /// <summary>Whether the page parts every line from the next by a blank line (an extractor's layout), so a reply's head stands a blank line above it.</summary>
    private static bool BlankParted(List<PageLine> lines)
    {
        for (int i = 1; i < lines.Count; i++)
            if (lines[i].HasText && lines[i - 1].HasText) return false;
        return true;
    }

    /// <summary>Whether the block's head names its poster: a handle (a Reddit mirror's "u/name Apr 29 '23" too) or a posting verb, or a name over the time it was posted.</summary>
    private static bool PosterAbove(List<PageLine> lines, int block, bool parted)
    {
        int head = HeadStart(lines, block, parted);
        for (int i = block - 1; i >= head; i--)
        {
            if (!lines[i].HasText) continue;
            string text = lines[i].Text;
            if (Handle().IsMatch(text) || PostingVerb().IsMatch(text) || PageCues.IsRedditPoster(text)) return true;
            if ((PageCues.IsStamp(text) || PageCues.IsDate(text)) && i > 0 && lines[i - 1].HasText && !IsText(lines[i - 1]) && !PageCues.EndsBody(lines[i - 1].Text)) return true;
        }
        return false;
    }

    private static bool RedditHeaded(List<PageLine> lines, int block, bool parted)
    {
        for (int i = HeadStart(lines, block, parted); i < block; i++)
            if (lines[i].HasText && PageCues.IsRedditReplyPoster(lines[i].Text)) return true;
        return false;
    }

    /// <summary>
    /// A reply's reactions and actions under it, counts among them: "♡ 61   💬   🔁   ➤", "👍 2", "3-5 22:10 · Reply · Like 31 · Author",
    /// "Reply  Repeat 2  Favorite 9  ⋯", "Like (4) Reply".
    /// </summary>
    public static bool IsReactionRow(string text) =>
        PageCues.Words(text) <= 12 && !UnitCues.EndsSentence(text) && text.Any(char.IsDigit) && (ReactionGlyph().IsMatch(text) || ActionWord().IsMatch(text));

    /// <summary>
    /// A poster's handle: "@rolo-pedalea  Mar 1, 2026", "Osric Fenwick @osric@mastodon.example", or one word that a name is not
    /// ("lauri.cooks.nyc", "marcos_hvn_foodie", "cartelera-cubana": a dot, an underscore, a hyphen or a digit among lower-case letters).
    /// </summary>
    [GeneratedRegex(@"^(?:@[\w.-]{2,40}(?:\s.{0,60})?|[^@]{2,60}\s@[\w.-]+@[\w.-]+|(?=\S*\p{Ll})(?=\S*[._\d-])(?!\d+\s*[smhdwy]$)[\p{L}\p{N}_.-]{4,40})$")]
    private static partial Regex Handle();

    /// <summary>"inkwellarchive reblogged this from cartelera-cubana and added:", "quietlibrarian replied:": a handle, then what it did.</summary>
    [GeneratedRegex(@"^(?-i:\p{Ll}[\w.-]{1,39})\s+(?:reblogged|replied|commented|reposted|quoted|added)\b.{0,80}$")]
    private static partial Regex PostingVerb();

    [GeneratedRegex(@"[♡♥❤👍💬🔁]")]
    private static partial Regex ReactionGlyph();

    [GeneratedRegex(@"(?i)\b(?:reply|like|likes|repost|repeat|favou?rite|react|responder|recommend)\b")]
    private static partial Regex ActionWord();
}
