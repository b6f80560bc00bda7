using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// A video page (YouTube and its likes): the video's title over its channel's name and the channel's subscriber count
/// ("Caribe Slow Travel" over "214K subscribers").
/// </summary>
internal static partial class VideoPage
{
    /// <summary>The most words a channel's name has.</summary>
    private const int ChannelMaxWords = 6;

    /// <summary>
    /// The line of the video's title, or null when no subscriber count sits under a channel's name: the headline whatever its
    /// punctuation, as video titles set their parts apart ("Walking the Malecón at sunset in 4K | Havana, Cuba 2027") as title bars
    /// do. A messaging channel prints its handle over the count ("@granma_oriente_news"), its name above that: no video's title.
    /// </summary>
    public static int? TitleAt(List<PageLine> lines)
    {
        int count = lines.FindIndex(l => l.HasText && SubscriberCount().IsMatch(l.Text));
        if (count < 0 || PageLines.PreviousText(lines, count - 1) is not int channel || lines[channel].Text.StartsWith('@')
            || PageCues.Words(lines[channel].Text) > ChannelMaxWords || UnitCues.EndsSentence(lines[channel].Text)
            || PageLines.PreviousText(lines, channel - 1) is not int title) return null;
        string text = lines[title].Text;
        return PageCues.Words(text) is >= 4 and <= UnitCues.HeadlineMaxWords && !PageCues.IsMetadata(text) && !PageCues.IsBylineOrDate(text) ? title : null;
    }

    [GeneratedRegex(@"(?i)^[\d.,]+\s*[km]?\s+subscribers$")]
    private static partial Regex SubscriberCount();
}
