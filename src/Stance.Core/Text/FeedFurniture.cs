using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// Lines a channel's feed (Telegram's web preview and its likes) prints around its posts that are none of its text: the channel's
/// description under its subscriber count, a link preview's card (the linked site's domain, the story's title, its cut-off snippet)
/// over the post that shares the link, and a picture's description under its "ALT" badge.
/// </summary>
internal static partial class FeedFurniture
{
    /// <summary>The most lines of a card under its domain: the linked story's title and its snippet.</summary>
    private const int CardMaxLines = 3;

    /// <summary>Marks them as boilerplate.</summary>
    public static void Drop(List<PageLine> lines)
    {
        DropDescription(lines);
        DropLinkCards(lines);
        DropImageDescriptions(lines);
    }

    /// <summary>The line under an "ALT" badge: a picture's description for screen readers, no text of the post.</summary>
    private static void DropImageDescriptions(List<PageLine> lines)
    {
        for (int i = 0; i + 1 < lines.Count; i++)
            if (lines[i].HasText && lines[i].Text == "ALT" && lines[i + 1].HasText) lines[i + 1] = lines[i + 1] with { Role = LineRole.Boilerplate };
    }

    /// <summary>"112 847 subscribers", "24.6K subscribers": a channel's audience, under its name.</summary>
    public static bool IsSubscriberCount(string text) => SubscriberCount().IsMatch(text);

    /// <summary>
    /// The first line of prose under the subscriber count, only the channel's other counts between ("1.2K photos", "38 videos"): the
    /// channel's description ("Daily notes on power cuts … Send tips to @x"), which the channel wrote once, over all its posts. A video
    /// page sets its "Subscribe" button there, and its description further down.
    /// </summary>
    private static void DropDescription(List<PageLine> lines)
    {
        int count = lines.FindIndex(l => l.HasText && IsSubscriberCount(l.Text));
        if (count < 0) return;
        int at = count + 1;
        while (at < lines.Count && (!lines[at].HasText || MediaCount().IsMatch(lines[at].Text))) at++;
        if (at < lines.Count && PageCues.IsProse(lines[at].Text)) lines[at] = lines[at] with { Role = LineRole.Boilerplate };
    }

    /// <summary>
    /// A bare domain over a line or two and then a snippet cut off with "…" (no blank line among them): a preview card of the linked
    /// story, the post's own text under it.
    /// </summary>
    private static void DropLinkCards(List<PageLine> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (!lines[i].HasText || !Domain().IsMatch(lines[i].Text)) continue;
            int end = i + 1;
            while (end < lines.Count && end - i <= CardMaxLines && lines[end].HasText && !lines[end].Text.EndsWith('…') && !lines[end].Text.EndsWith("...")) end++;
            if (end >= lines.Count || end - i > CardMaxLines || !lines[end].HasText) continue;
            for (int k = i + 1; k <= end; k++) lines[k] = lines[k] with { Role = LineRole.Boilerplate };
            i = end;
        }
    }

    [GeneratedRegex(@"(?i)^[\d.,  ]+\s*[km]?\s+subscribers$")]
    private static partial Regex SubscriberCount();

    [GeneratedRegex(@"(?i)^[\d.,]+\s*[km]?\s+(?:photos|videos|files|links)$")]
    private static partial Regex MediaCount();

    [GeneratedRegex(@"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12}$")]
    private static partial Regex Domain();
}
