using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// A live blog stamps each entry with the time alone, on a line of its own over the entry's text ("17:48", "5:48 p.m."), newest
/// first or oldest first. Those stamps are no post metadata: the entries are the story's paragraphs, written by the newsroom, not a
/// thread's replies. A thread's bare times sit by their posters' names and come in no strict order down a page of nested replies.
/// </summary>
internal static partial class LiveBlog
{
    /// <summary>The fewest stamps that make a live blog: fewer may be a thread of two or three replies.</summary>
    private const int MinStamps = 4;

    /// <summary>Marks the stamps as boilerplate when the page's bare times run in one order, each over a line of prose.</summary>
    public static void DropStamps(List<PageLine> lines)
    {
        var stamps = new List<int>();
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].HasText && BareTime().IsMatch(lines[i].Text)) stamps.Add(i);
        if (stamps.Count < MinStamps) return;
        var minutes = stamps.Select(i => Minutes(lines[i].Text)).ToList();
        bool falling = minutes.Zip(minutes.Skip(1)).All(p => p.First > p.Second), rising = minutes.Zip(minutes.Skip(1)).All(p => p.First < p.Second);
        if (!falling && !rising) return;
        // Each entry's text follows its stamp, perhaps under a badge or a media label ("📌 Destacado", "Publicación de X"): prose within three lines.
        if (!stamps.All(s => Enumerable.Range(s + 1, 3).Any(j => j < lines.Count && BodyBounds.IsProse(lines[j])))) return;
        foreach (int s in stamps) lines[s] = lines[s] with { Role = LineRole.Boilerplate };
    }

    private static int Minutes(string text)
    {
        var m = BareTime().Match(text);
        int hour = int.Parse(m.Groups["h"].Value) % 12 + (m.Groups["pm"].Success ? 12 : 0);
        if (!m.Groups["am"].Success && !m.Groups["pm"].Success) hour = int.Parse(m.Groups["h"].Value);
        return hour * 60 + int.Parse(m.Groups["m"].Value);
    }

    /// <summary>A clock time alone: "17:48", "08:05", "5:48 p.m.", "9.15 am".</summary>
    [GeneratedRegex(@"(?i)^(?<h>\d{1,2})[:.](?<m>\d{2})(?:\s*(?:(?<am>a\.?m\.?)|(?<pm>p\.?m\.?)))?$")]
    private static partial Regex BareTime();
}
