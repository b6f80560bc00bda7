using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>A page's title bar or e-mail subject: the headline with the site's name beside it.</summary>
internal static partial class TitleBar
{
    /// <summary>
    /// Whether <paramref name="text"/> is <paramref name="headline"/> with the site's name beside it, as title bars and
    /// e-mail subjects print it: "Headline - Site" (or –, —, |, ›, », ·, as in "Headline › Section › Site"), or
    /// "Blog name: Headline", "Subject: Brief #212: Headline", a breadcrumb of any length ending in it ("Home › Office of the Spokesperson ›
    /// Press Releases › Headline"). A footer that names the site over its address, e-mail or
    /// phone ("Gazette · Leeward Highway · newsroom@…"), or a post's head naming the site as its author ("Radio X · hace 1 hora"),
    /// is no title bar: the name it starts with is a masthead.
    /// </summary>
    public static bool Copies(string text, string headline)
    {
        if (text.Length <= headline.Length + 3) return false;
        if (text.StartsWith(headline, StringComparison.Ordinal))
            return text.AsSpan(headline.Length).TrimStart() is var rest && rest.Length > 2 && IsSeparator(rest[0]) && PageCues.Words(rest[1..].ToString()) <= 10
                && !ContactDetails().IsMatch(rest.ToString()) && !PageCues.IsMetadata(text);
        if (!text.EndsWith(headline, StringComparison.Ordinal) || !char.IsWhiteSpace(text[^(headline.Length + 1)])) return false;
        var site = text[..^headline.Length].TrimEnd();
        return site.Length > 1 && (site[^1] == ':' || IsSeparator(site[^1])) && (PageCues.Words(site) <= 7 || IsBreadcrumb(site));
    }

    /// <summary>A trail of three items or more set apart by "»" or "›" ("Board » Forum » Subforum"): a breadcrumb's shape.</summary>
    public static bool IsBreadcrumb(string text) => text.Count(c => c is '»' or '›') >= 2;

    private static bool IsSeparator(char c) => c is '-' or '–' or '—' or '|' or '›' or '»' or '·';

    /// <summary>An e-mail address, or a street number, postcode or phone number of four digits or more.</summary>
    [GeneratedRegex(@"\S@\S|\d{4}")]
    private static partial Regex ContactDetails();
}
