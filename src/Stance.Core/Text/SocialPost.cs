using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// A saved social-media post (Mastodon, X, Facebook): its title bar quotes the post's opening words after the
/// author's name — 'Ernesto Cárdenas: "What my family in Matanzas paid…" - social.caribe', 'Ana on X: "…" / X'.
/// </summary>
internal static partial class SocialPost
{
    /// <summary>The line where the quoted post starts, or null when the page's first line is no such title bar.</summary>
    public static int? QuotedAt(List<PageLine> lines)
    {
        int first = lines.FindIndex(l => l.HasText);
        if (first < 0 || TitleQuote().Match(lines[first].Text) is not { Success: true } m) return null;
        string opening = m.Groups["text"].Value.TrimEnd('…', '.', ' ');
        int at = lines.FindIndex(first + 1, l => l.HasText && l.Text.StartsWith(opening, StringComparison.Ordinal));
        return at < 0 ? null : at;
    }

    /// <summary>
    /// Whether line <paramref name="at"/> sits under its author's handle ("@yanet.bsky.social", one line between allowed, as a
    /// "Following" button): a post, which has no headline.
    /// </summary>
    public static bool UnderHandle(List<PageLine> lines, int at)
    {
        for (int i = at - 1, seen = 0; i >= 0 && seen < 2; i--)
        {
            if (!lines[i].HasText) continue;
            if (HandleLine().IsMatch(lines[i].Text)) return true;
            seen++;
        }
        return false;
    }

    /// <summary>The first handle the page names ("@yanet.bsky.social" over a thread's first post): the thread's author, or null.</summary>
    public static string? FirstHandle(List<PageLine> lines) =>
        lines.Where(l => l.HasText).Select(l => HandleLine().Match(l.Text)).FirstOrDefault(m => m.Success)?.Groups["handle"].Value;

    /// <summary>The most lines of text from a post's handle to its last line of metadata: the handle, the post, its time, its views.</summary>
    private const int PostMaxLines = 6;

    /// <summary>
    /// Whether the post that line <paramref name="at"/> belongs to is <paramref name="handle"/>'s: the nearest handle at or above it, a
    /// post's length at most, is that one ("@amaury_econ" over "· Aug 11" on a line of its own, or over the post and "48.2K Views" under it).
    /// </summary>
    public static bool PostedBy(List<PageLine> lines, int at, string handle)
    {
        for (int i = at, seen = 0; i >= 0 && seen < PostMaxLines; i--)
        {
            if (!lines[i].HasText) continue;
            if (HandleLine().Match(lines[i].Text) is { Success: true } m) return m.Groups["handle"].Value == handle;
            seen++;
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a poster's name: some line with that text sits right over a post's time with its audience glyph
    /// ("18 de octubre a las 11:32 · 🌎", "2h · 👥"), as a Facebook page's name over its post. A post has no headline, and the page's
    /// name in its header is no headline either.
    /// </summary>
    public static bool IsPosterName(List<PageLine> lines, string text) =>
        lines.Select((l, i) => (l, i)).Any(x => x.l.HasText && x.l.Text == text && PageLines.NextText(lines, x.i + 1) is int n && AudienceStamp().IsMatch(lines[n].Text));

    [GeneratedRegex(@"^.{1,60}\s·\s*(?:🌎|🌍|🌏|👥|🔒)$")]
    private static partial Regex AudienceStamp();

    /// <summary>"Replying to @yane_desde_cuba": the head of a reply on X, naming the handle it answers.</summary>
    public static bool RepliesTo(string text) => ReplyingTo().IsMatch(text);

    [GeneratedRegex(@"^Replying\s+to\s+@[\w.-]{2,60}")]
    private static partial Regex ReplyingTo();

    [GeneratedRegex(@"^(?<handle>@[\w.-]{2,60})(?:\s+·\s.{1,30})?$")]
    private static partial Regex HandleLine();

    [GeneratedRegex(@"^[^:""“]{1,60}:\s*[""“](?<text>[^""”]{12,}?)[""”]")]
    private static partial Regex TitleQuote();
}
