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

    /// <summary>Whether a post's head ("@yanet.bsky.social · 2d") names <paramref name="handle"/>.</summary>
    public static bool Names(string text, string handle) => HandleLine().Match(text) is { Success: true } m && m.Groups["handle"].Value == handle;

    [GeneratedRegex(@"^(?<handle>@[\w.-]{2,60})(?:\s+·\s.{1,30})?$")]
    private static partial Regex HandleLine();

    [GeneratedRegex(@"^[^:""“]{1,60}:\s*[""“](?<text>[^""”]{12,}?)[""”]")]
    private static partial Regex TitleQuote();
}
