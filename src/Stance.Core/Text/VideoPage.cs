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
        int count = lines.FindIndex(l => l.HasText && FeedFurniture.IsSubscriberCount(l.Text));
        if (count < 0 || PageLines.PreviousText(lines, count - 1) is not int channel || lines[channel].Text.StartsWith('@')
            || PageCues.Words(lines[channel].Text) > ChannelMaxWords || UnitCues.EndsSentence(lines[channel].Text)
            || PageLines.PreviousText(lines, channel - 1) is not int title) return null;
        string text = lines[title].Text;
        return PageCues.Words(text) is >= 4 and <= UnitCues.HeadlineMaxWords && !PageCues.IsMetadata(text) && !PageCues.IsBylineOrDate(text) ? title : null;
    }

    /// <summary>A bare running time, "02:14": a video's length under its title, no time of day (that comes with "AM" or a date).</summary>
    public static bool IsRunningTime(string text) => RunningTime().IsMatch(text);

    /// <summary>
    /// Whether line <paramref name="at"/> is a clip's title in a video box set in an article ("Coast Guard crew describes rescue …" over
    /// "02:14"): no sentence, its running time right under it or the box's label with the time right over it ("▶ VIDEO  02:14"). Not the article's text.
    /// </summary>
    public static bool IsClipTitle(IReadOnlyList<PageLine> lines, int at) =>
        lines[at].HasText && !UnitCues.EndsSentence(lines[at].Text)
        && (at + 1 < lines.Count && lines[at + 1].HasText && IsRunningTime(lines[at + 1].Text) || at > 0 && VideoLabel().IsMatch(lines[at - 1].Text));

    /// <summary>A video box's label with its running time over the clip's title, "▶ VIDEO  02:14", "Video (2:14)" (dropped or not).</summary>
    [GeneratedRegex(@"(?i)^(?:[▶►]\s*)?(?:video|vídeo)\s*[:|·-]?\s*\(?\d{1,2}:\d{2}\)?$")]
    private static partial Regex VideoLabel();

    [GeneratedRegex(@"^\d{1,2}:\d{2}$")]
    private static partial Regex RunningTime();
}
