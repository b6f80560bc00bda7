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

    [GeneratedRegex(@"^[^:""“]{1,60}:\s*[""“](?<text>[^""”]{12,}?)[""”]")]
    private static partial Regex TitleQuote();
}
