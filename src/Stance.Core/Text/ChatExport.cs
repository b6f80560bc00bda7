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
        if (prefixed < MinMessages || prefixed * 2 <= text || !Prefix().IsMatch(raw.First(l => l.Length > 0))) return Replay(raw) ?? HeaderedLog(raw);
        var units = new List<ArticleUnit>();
        // The message being read: its first line's number and its lines; null under a notice, whose continuation is none of a message.
        (int Line, List<string> Parts)? open = null;
        void Close()
        {
            AddMessage(units, open);
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

    /// <summary>
    /// A stream's chat replay ("0:03:28  name: text", the time into the video): one unbroken run of such lines, the page's own
    /// chrome above and below it. Lines with no sender ("name subscribed …", "name is now offline.") are the platform's notices.
    /// The video's title, the longest line of words above the chat, is the headline.
    /// </summary>
    private static List<ArticleUnit>? Replay(List<string> raw)
    {
        int first = raw.FindIndex(l => Offset().IsMatch(l)), last = raw.FindLastIndex(l => Offset().IsMatch(l));
        if (first < 0 || raw.Skip(first).Take(last - first + 1).Any(l => l.Length > 0 && !Offset().IsMatch(l))) return null;
        var units = new List<ArticleUnit>();
        for (int i = first; i <= last; i++)
            if (Said().Match(raw[i][Offset().Match(raw[i]).Length..]) is { Success: true } said && !NoText().IsMatch(said.Groups["text"].Value))
                units.Add(new ArticleUnit(UnitKind.Comment, said.Groups["text"].Value, i + 1));
        if (units.Count < MinMessages) return null;
        var title = raw.Take(first).Select((l, i) => (Text: l, Line: i + 1)).Where(l => l.Text.Split(' ').Length >= 5)
            .MaxBy(l => l.Text.Length);
        if (title.Text is not null) units.Insert(0, new ArticleUnit(UnitKind.Headline, title.Text, title.Line));
        return units;
    }

    /// <summary>
    /// A text export that prints each message under a header line of its own ("[12/13/2027 7:02 PM] name", DiscordChatExporter):
    /// the message is the lines below the header up to a blank line or a "{Attachments}" / "{Reactions}" block. Between the
    /// first header and the last message every line of text belongs to one of these; the guild and channel lines above and the
    /// export's count below are chrome.
    /// </summary>
    private static List<ArticleUnit>? HeaderedLog(List<string> raw)
    {
        var units = new List<ArticleUnit>();
        int headers = 0, stray = 0;
        (int Line, List<string> Parts)? open = null;
        bool inBlock = false, started = false;
        void Close()
        {
            AddMessage(units, open);
            open = null;
        }
        int pendingStray = 0;
        for (int i = 0; i < raw.Count; i++)
        {
            var l = raw[i];
            if (l.StartsWith('[') && Prefix().Match(l) is { Success: true } p && Sender().IsMatch(l[p.Length..]))
            {
                Close();
                headers++;
                stray += started ? pendingStray : 0;
                pendingStray = 0;
                started = true;
                inBlock = false;
                open = (i + 2, []);
            }
            else if (l.Length == 0) { Close(); inBlock = false; }
            else if (AttachedBlock().IsMatch(l)) { Close(); inBlock = true; }
            else if (open is { } m && !inBlock) m.Parts.Add(l);
            else if (!inBlock && started) pendingStray++;
        }
        Close();
        return headers >= MinMessages && stray == 0 && units.Count >= MinMessages ? units : null;
    }

    /// <summary>A message's lines joined into one comment, unless it stands for no text (media left out, a deleted message).</summary>
    private static void AddMessage(List<ArticleUnit> units, (int Line, List<string> Parts)? message)
    {
        if (message is { } m && string.Join(' ', m.Parts) is var joined && !NoText().IsMatch(joined)) units.Add(new ArticleUnit(UnitKind.Comment, joined, m.Line));
    }

    /// <summary>"0:03:28 ", "1:48:20 ": the time into a stream that a chat replay prints before each line.</summary>
    [GeneratedRegex(@"^\d{1,2}:\d{2}:\d{2}\s+")]
    private static partial Regex Offset();

    /// <summary>A header's sender alone: a name or handle of a few words, perhaps with a note in brackets, and no colon.</summary>
    [GeneratedRegex(@"^[^\s:.!?][^:!?]{0,39}$")]
    private static partial Regex Sender();

    /// <summary>"{Attachments}", "{Reactions}", "{Embed}": an export's block of what came with a message, not its text.</summary>
    [GeneratedRegex(@"^\{[A-Za-z ]{3,20}\}$")]
    private static partial Regex AttachedBlock();

    /// <summary>"16/11/27, 20:01 - ", "11/16/27, 8:01 PM - ", "[16.11.27, 20:01:33] ": the date and time an export prints before each line.</summary>
    [GeneratedRegex(@"(?i)^\[?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\.?)?\]?\s*(?:[-–]\s+)?")]
    private static partial Regex Prefix();

    /// <summary>The sender, a name of a few words with no sentence in it, then a colon: "Tío Rey: ", "+53 5 123 4567: ".</summary>
    [GeneratedRegex(@"^(?<name>[^:.!?]{1,40}?):\s+(?<text>.*)$")]
    private static partial Regex Said();

    /// <summary>A message that stands for none: media left out of the export, a deleted message.</summary>
    [GeneratedRegex(@"(?i)^(?:<[^<>]{1,40}>|se eliminó este mensaje\.?|eliminaste este mensaje\.?|this message was deleted\.?|you deleted this message\.?|pinned a message\.?|null)$")]
    private static partial Regex NoText();

    [GeneratedRegex(@"[\s\u00A0\u2000-\u200A\u202F\u3000]+")]
    private static partial Regex Spaces();
}
