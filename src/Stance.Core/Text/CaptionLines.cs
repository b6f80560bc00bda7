using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// Captions known by where they sit rather than by their words: the text under a gallery's slide counter
/// ("3 / 14") up to the next blank line, and a one-line caption glued to a credit line of its own
/// ("Photo: ACN / Archive", "RAMÓN ESPINOSA / AP", a video's "01:12 - Source: ANN", "Name for The Outlet") above or below it.
/// </summary>
internal static partial class CaptionLines
{
    /// <summary>The line numbers of <paramref name="region"/> that are such captions (credit lines included).</summary>
    public static HashSet<int> In(IReadOnlyList<PageLine> region)
    {
        var captions = new HashSet<int>();
        for (int i = 0; i < region.Count; i++)
        {
            var l = region[i];
            if (SlideCounter().IsMatch(l.Text) && !l.HasText && SlideBelow(region, i + 1) is int end)
                for (int k = i + 1; k < end; k++) captions.Add(region[k].Number);
            if (!l.HasText || !CreditLine().IsMatch(l.Text) && !ForOutletUnderCaption(region, i) && !PhotographerUnderCaption(region, i)) continue;
            captions.Add(l.Number);
            if (LoneBeside(region, i - 1, -1) is int above) captions.Add(region[above].Number);
            if (LoneBeside(region, i + 1, +1) is int below) captions.Add(region[below].Number);
        }
        return captions;
    }

    /// <summary>
    /// The end of a slide's caption starting at <paramref name="from"/>: one or two lines, then a blank line or a credit the
    /// boilerplate drops ("© Dariel Montoya for Lensfield"). A
    /// page that sets its counters between body paragraphs, with no blank lines, has no such caption.
    /// </summary>
    private static int? SlideBelow(IReadOnlyList<PageLine> region, int from)
    {
        int end = from;
        while (end < region.Count && region[end].HasText) end++;
        return end - from is 1 or 2 && end < region.Count && (region[end].Role == LineRole.Blank || region[end].Text.StartsWith('©')) ? end : null;
    }

    /// <summary>
    /// Line <paramref name="at"/> when it has text, is short, and has no text on its far side (<paramref name="step"/>) but
    /// perhaps the image's label ("Image", Drupal's field name): a caption by itself, not the end of a paragraph. A dropped link
    /// ("See also: …", "Read more: …") on the far side sets nothing apart: a page that prints no blank lines sets its links between
    /// paragraphs, and the paragraph under a credit with no caption is body.
    /// </summary>
    private static int? LoneBeside(IReadOnlyList<PageLine> region, int at, int step)
    {
        if (at < 0 || at >= region.Count || !region[at].HasText || region[at].Bullet || region[at].Text.Length > UnitCues.CaptionMaxChars) return null;
        int far = at + step;
        return far < 0 || far >= region.Count || !region[far].HasText && !(region[far].Role == LineRole.Boilerplate && PageCues.IsProse(region[far].Text))
            || ImageLabel().IsMatch(region[far].Text) ? at : null;
    }

    /// <summary>
    /// "Lourdes Ibarra for The Continental Ledger" (in capitals and quoted too, "NAME FOR «LE JOURNAL»") under a one-line caption that ends its sentence: the photographer and the outlet
    /// they shot for. A title-case headline may read the same ("Cuba Braces for Hurricane"), but it never sits under a lone sentence.
    /// </summary>
    private static bool ForOutletUnderCaption(IReadOnlyList<PageLine> region, int at) =>
        ForOutlet().IsMatch(region[at].Text) && LoneBeside(region, at - 1, -1) is int above && UnitCues.EndsSentence(region[above].Text);

    /// <summary>
    /// A photographer's name in capitals, perhaps with their e-mail ("PEDRO L. GANDARILLAS  pgandarillas@…", "ROGELIO AMIEVA"), under a
    /// one-line caption that ends its sentence, with no text below it: a byline in capitals has its date or the story below it.
    /// </summary>
    private static bool PhotographerUnderCaption(IReadOnlyList<PageLine> region, int at) =>
        CapitalsName().IsMatch(region[at].Text) && (at + 1 >= region.Count || !region[at + 1].HasText)
        && LoneBeside(region, at - 1, -1) is int above && UnitCues.EndsSentence(region[above].Text);

    [GeneratedRegex(@"^\p{Lu}[\p{Lu}.'’-]+(?:\s\p{Lu}[\p{Lu}.'’-]*){1,3}(?:\s+[\w.+-]+@[\w.-]+)?$")]
    private static partial Regex CapitalsName();

    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){1,3}\s(?:for|FOR)\s[«“""]?(?:[Tt]he\s|THE\s)?\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,4}[»”""]?$")]
    private static partial Regex ForOutlet();

    [GeneratedRegex(@"(?i)^(?:image|photo|picture|figure|foto|imagen)$")]
    private static partial Regex ImageLabel();

    /// <summary>"1 / 14", "3 of 12": a gallery's slide counter (the shipped boilerplate drops the line itself).</summary>
    [GeneratedRegex(@"^\d{1,3}\s*(?:/|of)\s*\d{1,3}$")]
    private static partial Regex SlideCounter();

    /// <summary>Whether a line is a credit and nothing else (<see cref="CreditLine"/>).</summary>
    public static bool IsCredit(string text) => CreditLine().IsMatch(text);

    /// <summary>A credit and nothing else: "Photo: ACN / Archive", "Photo: Site / M. Quevedo", "Photos by Ana Ruiz", "—Photo courtesy the Cuban Steel Project", "Picture: Ramiro Soto/AFP", "Arlette Duval / Islas", "RAMÓN ESPINOSA / AP", a photographer's name glued to the outlet ("Rhea Tomczak-Ng/Lakeshore Star"), a clip's length and source "01:12 - Source: ANN".</summary>
    [GeneratedRegex(@"^(?:[—–]\s?)?(?:(?i:photos?|fotos?|images?|pictures?)(?:\s+by\s|\s+courtesy(?:\s+of)?\s|\s*:\s)(?:[^.!?]|(?<=\b\p{Lu})\.){1,60}|\p{Lu}[\p{L}.'’ -]{1,40}\s/\s\p{Lu}[\p{L}.'’ -]{1,30}|\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){1,3}/\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+){0,3}|\d{1,2}:\d{2}\s*[-–—|·]\s*(?i:source):.{1,60})$")]
    private static partial Regex CreditLine();
}
