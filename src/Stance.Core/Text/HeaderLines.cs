using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// The passes over a page's lines that tidy its header before the headline is chosen: the author's lines are dropped (a byline
/// without "By", a wire's credit) and a headline or dek hard-wrapped over two or three lines is joined into one; and two shapes of
/// the header the headline's choice reads (the site's masthead, a dek between the headline and its byline).
/// </summary>
internal static partial class HeaderLines
{
    /// <summary>
    /// "Ruaraidh Fenwick in Varadero", a bare name, "Orlaith Mac Giolla Rua", or a name and title ("Ana Ruiz, Senior Fellow") over its
    /// date line is the author (and where they write from): not a unit; a placed byline also when a blank line parts it from the date
    /// (<see cref="DateBelowBlank"/>). A title-case headline may have the same shape ("Protesters Clash With Police in Havana"), but a
    /// date never sits right below one (an obituary's name sits over a life span, two years). A bare name over a "Follow" button is
    /// the author's too, and so is one over a reporter's role ("Mining Reporter"), and so is the line under a byline split after its
    /// "by" ("News provided by" over the company's name), and so is the line under a bare "From:" label (a release's department). A wire's name with its initials ("Iberia News Agency (INA)") credits the
    /// story, and a group's name over "Private group · 18.4K members" heads a group's page, not its post: neither is a headline (nor
    /// a comment where the group's admin signs with it).
    /// </summary>
    public static List<PageLine> DropBylines(List<PageLine> lines)
    {
        for (int i = 0; i + 1 < lines.Count; i++)
        {
            if (!lines[i].HasText) continue;
            if (lines[i + 1].HasText && GroupLine().IsMatch(lines[i + 1].Text))
            {
                string group = lines[i].Text;
                for (int k = 0; k < lines.Count; k++) if (lines[k].HasText && lines[k].Text == group) lines[k] = lines[k] with { Role = LineRole.Boilerplate };
            }
            else if (NamesItsAcronym(lines[i].Text)) lines[i] = lines[i] with { Role = LineRole.Boilerplate };
            else if (ByAtEnd().IsMatch(lines[i].Text) && lines[i + 1].HasText && PageCues.Words(lines[i + 1].Text) <= 8
                || SourceLabel().IsMatch(lines[i].Text) && lines[i + 1].HasText && PageCues.Words(lines[i + 1].Text) <= 12 && !UnitCues.EndsSentence(lines[i + 1].Text))
                lines[i + 1] = lines[i + 1] with { Role = LineRole.Boilerplate };
            else if ((PageCues.IsPlacedByline(lines[i].Text) || PageCues.IsBareName(lines[i].Text) || PageCues.IsTitledName(lines[i].Text)) && lines[i + 1].HasText && PageCues.IsDate(lines[i + 1].Text)
                && Year().Matches(lines[i + 1].Text).Count < 2
                || PageCues.IsPlacedByline(lines[i].Text) && DateBelowBlank(lines, i)
                || PageCues.IsBareName(lines[i].Text) && (FollowButton().IsMatch(lines[i + 1].Text) || ReporterRole().IsMatch(lines[i + 1].Text)))
                lines[i] = lines[i] with { Role = LineRole.Boilerplate };
        }
        return lines;
    }

    /// <summary>
    /// Whether a date line sits one blank line under line <paramref name="at"/>, and text one blank line over it: a broadsheet sets its
    /// reporter's "Name in Place" a blank line apart from the dek above and the date below. A title-case headline of that shape set
    /// the same way, a blank line over its date, would be dropped too; none of the fixture pages sets one so.
    /// </summary>
    private static bool DateBelowBlank(List<PageLine> lines, int at) =>
        at >= 2 && at + 2 < lines.Count && lines[at - 1].Role == LineRole.Blank && lines[at - 2].HasText
        && lines[at + 1].Role == LineRole.Blank && lines[at + 2].HasText && PageCues.IsDate(lines[at + 2].Text) && Year().Matches(lines[at + 2].Text).Count < 2;

    /// <summary>
    /// A headline or dek hard-wrapped in the header (a PDF's or plain-text page's): "Cuba's sugar harvest falls … a century," over
    /// "industry sources say", a title in capitals over the rest of it in capitals, a report's dek over two more lines ("A field report
    /// on 41 cases …" over "without charge …, based on interviews with" over "reporters, relatives and lawyers"). Each line below goes
    /// on with the one above (in lower case, or in capitals after capitals), no line ends a sentence, each is short, and no text
    /// follows the last (a first paragraph goes on, and the paragraph splitter joins it); the lines are one from here on. Only above
    /// the body's first sentence.
    /// </summary>
    public static List<PageLine> JoinWrappedHeads(List<PageLine> lines)
    {
        for (int i = 0; i + 1 < lines.Count && !(lines[i].HasText && PageCues.OpensBody(lines[i].Text)); i++)
        {
            PageLine head = lines[i];
            int end = i + 1;
            while (end < lines.Count && lines[end].HasText && end - i <= MaxWrappedLines) end++;
            if (end - i is < 2 or > MaxWrappedLines || end < lines.Count && lines[end].HasText || !head.HasText || head.Bullet || head.Text.EndsWith(':')
                || PageCues.Words(head.Text) > UnitCues.HeadlineMaxWords || !Enumerable.Range(i + 1, end - i - 1).All(k => GoesOnWith(lines[k - 1], lines[k]))) continue;
            lines[i] = head with { Text = string.Join(' ', lines[i..end].Select(l => l.Text)) };
            for (int k = i + 1; k < end; k++) lines[k] = lines[k] with { Role = LineRole.Blank, Text = "" };
        }
        return lines;
    }

    /// <summary>The most lines a wrapped headline or dek runs to.</summary>
    private const int MaxWrappedLines = 3;

    /// <summary>The widest a plain-text or printed page wraps its lines (a print copy's 72 characters, a mail's 76).</summary>
    private const int WrapWidth = 80;

    /// <summary>
    /// Whether <paramref name="rest"/> is the wrapped tail of the header line <paramref name="above"/>: short (a dozen words, or no
    /// wider than a plain-text wrap: a print copy's line of fourteen short words), going on in lower case, in capitals after capitals,
    /// or in title case after a title-case line that ends in a preposition or article ("… Means for" over "Its Economy").
    /// </summary>
    private static bool GoesOnWith(PageLine above, PageLine rest) =>
        rest.HasText && !rest.Bullet && !UnitCues.EndsSentence(above.Text) && !UnitCues.EndsSentence(rest.Text) && (PageCues.Words(rest.Text) <= 12 || rest.Text.Length <= WrapWidth)
        && (char.IsLower(rest.Text[0]) || UnitCues.AllCapitals(above.Text) && UnitCues.AllCapitals(rest.Text)
            || UnitCues.TitleCase(above.Text) && Crosshead.EndsDangling(above.Text) && UnitCues.TitleCase(rest.Text)) && !rest.Text.Contains("://") && !Domain().IsMatch(rest.Text)
        && !new[] { above, rest }.Any(l => PageCues.IsMetadata(l.Text) || PageCues.IsBylineOrDate(l.Text) || PageCues.IsTrail(l.Text));

    /// <summary>"meshdiary.example": an aggregator's source domain printed under a link's title, never the title's tail.</summary>
    [GeneratedRegex(@"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?$")]
    private static partial Regex Domain();

    [GeneratedRegex(@"\b(?:1[89]|20)\d{2}\b")]
    private static partial Regex Year();

    /// <summary>"Iberia News Agency (INA)", "Agencia Cubana de Noticias (ACN)": a source's name and its initials, the wire's credit line.</summary>
    private static bool NamesItsAcronym(string text) =>
        AcronymName().Match(text) is { Success: true } m
        && string.Concat(m.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])).Select(w => w[0])) == m.Groups["initials"].Value;

    [GeneratedRegex(@"^(?<name>\p{Lu}\p{L}*(?:\s+(?:\p{Lu}\p{L}*|de|del|la|of|the|and|y)){1,6})\s+\((?<initials>\p{Lu}{2,7})\)$")]
    private static partial Regex AcronymName();

    /// <summary>"Private group · 18.4K members": the line under a social group's name (the group's, not a post's headline).</summary>
    [GeneratedRegex(@"(?i)^(?:private|public|closed|secret)\s+group\b.{0,60}$")]
    private static partial Regex GroupLine();

    /// <summary>A reporter's role under their name, "Mining Reporter", "Senior Correspondent", "Editor".</summary>
    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}-]*\s+){0,3}(?i:reporter|correspondent|editor|writer|columnist|contributor|photographer|producer)$")]
    private static partial Regex ReporterRole();

    [GeneratedRegex(@"(?i)^\+?\s*follow$")]
    private static partial Regex FollowButton();

    [GeneratedRegex(@"(?i)^[^.!?]{0,40}\sby$")]
    private static partial Regex ByAtEnd();

    /// <summary>The most lines a masthead has at the page's top (a site's name, its motto).</summary>
    private const int MastheadMaxLines = 2;

    /// <summary>
    /// Line <paramref name="at"/> is one of the page's first lines of text, at most two with no other line among them but the day's date
    /// ("Friday, November 19, 2027" under a paper's name and motto), and a dropped row (the site's menu) right under them.
    /// </summary>
    public static bool Masthead(List<PageLine> lines, int at)
    {
        int top = lines.TakeWhile(l => l.HasText).Count();
        return at < top && !PageCues.IsDate(lines[at].Text) && lines.Take(top).Count(l => !PageCues.IsDate(l.Text)) <= MastheadMaxLines
            && top < lines.Count && lines[top].Role == LineRole.Boilerplate;
    }

    /// <summary>
    /// A headline right over its dek, the byline right under the dek ("Nakuru keeps its Cuban surgeons …" over "County says it still …"
    /// over "By WANJIRU …"): the sentence under the line is no first paragraph but its summary.
    /// </summary>
    public static bool DekOverByline(List<PageLine> lines, int at) =>
        at + 2 < lines.Count && lines[at + 1].HasText && UnitCues.EndsSentence(lines[at + 1].Text) && lines[at + 2].HasText && UnitCues.IsByline(lines[at + 2].Text);

    /// <summary>A release's bare "From:" label over the department and minister it comes from (GOV.UK): the line under it is the source, not a headline.</summary>
    [GeneratedRegex(@"(?i)^(?:from|de|desde):$")]
    private static partial Regex SourceLabel();
}
