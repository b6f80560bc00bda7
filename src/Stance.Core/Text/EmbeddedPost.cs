using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// A social post embedded in an article, as a saved page prints it: the embed's label ("Post on X", "Publicación de X"), the poster's
/// handle and date ("@name · 20 nov"), then the post's text. The text is the poster's, quoted by the page, not the article's own.
/// </summary>
internal static partial class EmbeddedPost
{
    /// <summary>The most lines of text from the label to the post's text: the handle line, perhaps a display name over it.</summary>
    private const int HeadMaxLines = 3;

    /// <summary>Marks the label, the head and the post's first line of text as boilerplate.</summary>
    public static void Drop(List<PageLine> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (!lines[i].HasText || !Label().IsMatch(lines[i].Text)) continue;
            int at = i + 1, seen = 0;
            while (at < lines.Count && seen < HeadMaxLines && !(lines[at].HasText && Handle().IsMatch(lines[at].Text)))
                if (lines[at++].HasText) seen++;
            if (at >= lines.Count || seen >= HeadMaxLines || PageLines.NextText(lines, at + 1) is not int text) continue;
            for (int k = i; k <= text; k++)
                if (lines[k].HasText) lines[k] = lines[k] with { Role = LineRole.Boilerplate };
        }
    }

    /// <summary>"Post on X", "Tweet", "Publicación de Instagram", "Embedded post from Bluesky".</summary>
    [GeneratedRegex(@"(?i)^(?:embedded\s+)?(?:tweet|(?:post|publicación|mensaje)\s+(?:on|from|de|en)\s+(?:x|twitter|instagram|facebook|threads|bluesky|telegram|mastodon))$")]
    private static partial Regex Label();

    /// <summary>The poster's handle with the post's date: "@periodista_ejemplo · 20 nov", "@name · Nov 20, 2027".</summary>
    [GeneratedRegex(@"^@[\w.]{2,40}\s+·\s+.{2,30}$")]
    private static partial Regex Handle();
}
