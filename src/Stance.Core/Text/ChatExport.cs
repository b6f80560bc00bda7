using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// A chat app's exported conversation (WhatsApp's "16/11/27, 20:01 - Name: text", or "[16/11/27, 20:01:33] Name: text"): no headline
/// and no body, every message a comment without its date, time and sender. A line with no such prefix goes on with the message above
/// it (a list typed into one message); a prefixed line with no sender is the app's own notice (who created the group, who joined,
/// the encryption note), and "&lt;Media omitted&gt;" or "This message was deleted" stand for no text at all.
/// </summary>
internal static partial class ChatExport
{
    /// <summary>The fewest prefixed lines that make a chat export, and the share of the page's lines of text they must be.</summary>
    private const int MinMessages = 4;

    /// <summary>The messages as comments, or null when the page is no chat export.</summary>
    public static List<ArticleUnit>? Messages(string page)
    {
        var raw = page.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).ToList();
        int text = raw.Count(l => l.Length > 0), prefixed = raw.Count(l => Prefix().IsMatch(l));
        if (prefixed < MinMessages || prefixed * 2 <= text || !Prefix().IsMatch(raw.First(l => l.Length > 0))) return null;
        var units = new List<ArticleUnit>();
        // The message being read: its first line's number and its lines; null under a notice, whose continuation is none of a message.
        (int Line, List<string> Parts)? open = null;
        void Close()
        {
            if (open is { } m && string.Join(' ', m.Parts) is var joined && !NoText().IsMatch(joined)) units.Add(new ArticleUnit(UnitKind.Comment, joined, m.Line));
            open = null;
        }
        for (int i = 0; i < raw.Count; i++)
        {
            if (raw[i].Length == 0) continue;
            var p = Prefix().Match(raw[i]);
            if (!p.Success)
            {
                open?.Parts.Add(raw[i]);
                continue;
            }
            Close();
            var said = Said().Match(raw[i][p.Length..]);
            if (said.Success && said.Groups["text"].Value.Length > 0) open = (i + 1, [said.Groups["text"].Value]);
        }
        Close();
        return units;
    }

    /// <summary>"16/11/27, 20:01 - ", "11/16/27, 8:01 PM - ", "[16.11.27, 20:01:33] ": the date and time an export prints before each line.</summary>
    [GeneratedRegex(@"(?i)^\[?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?\]?\s*(?:[-–]\s+)?")]
    private static partial Regex Prefix();

    /// <summary>The sender, a name of a few words with no sentence in it, then a colon: "Tío Rey: ", "+53 5 123 4567: ".</summary>
    [GeneratedRegex(@"^(?<name>[^:.!?]{1,40}?):\s+(?<text>.*)$")]
    private static partial Regex Said();

    /// <summary>A message that stands for none: media left out of the export, a deleted message.</summary>
    [GeneratedRegex(@"(?i)^(?:<[^<>]{1,40}>|se eliminó este mensaje\.?|eliminaste este mensaje\.?|this message was deleted\.?|you deleted this message\.?|null)$")]
    private static partial Regex NoText();

    [GeneratedRegex(@"[\s\u00A0\u2000-\u200A\u202F\u3000]+")]
    private static partial Regex Spaces();
}
