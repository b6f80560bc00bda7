using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// List items in a body: numbered in order ("1. Restore …", "2. Allow …"), lettered ("a) …", "b) …"), Roman numerals in brackets
/// ("(i) …", "(ii) …"), or a dash before each of a run of clauses ("— cada familia …;" over "— se prohíbe …;"). Each is a paragraph
/// of its own, its mark no part of its text.
/// </summary>
internal static partial class ListMarks
{
    public static void Mark(List<PageLine> lines)
    {
        // Numbers may start anywhere ("3." … "4."); letters and numerals from the first ("a)", "(i)"), on a line no bullet marks.
        MarkRuns(lines, Numbered, (_, _) => true);
        MarkRuns(lines, Ordered, (l, place) => !l.Bullet && place == 1);
        MarkDashed(lines);
    }

    /// <summary>
    /// Two items at least whose marks count on by one from the run's first, adjacent or a blank line apart when each ends a sentence
    /// or a clause (a post's numbered points, an alert's demands); <paramref name="opens"/> says which marked line may start a run.
    /// </summary>
    private static void MarkRuns(List<PageLine> lines, Func<string, (int Place, int Length)?> mark, Func<PageLine, int, bool> opens)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (!lines[i].HasText || mark(lines[i].Text) is not { } head || !opens(lines[i], head.Place)) continue;
            var items = new List<int> { i };
            for (int at = i; NextItem(lines, at) is int next && mark(lines[next].Text) is { } m && m.Place == head.Place + items.Count; at = next) items.Add(next);
            if (items.Count < 2) continue;
            foreach (int k in items) lines[k] = lines[k] with { Text = lines[k].Text[mark(lines[k].Text)!.Value.Length..], Bullet = true };
            i = items[^1];
        }
    }

    /// <summary>
    /// The line that may hold the next item after the one at <paramref name="at"/>: the next line, or the line after a blank one
    /// when the item ends a sentence or a clause (an alert's demands, "1. lift all restrictions …;").
    /// </summary>
    private static int? NextItem(List<PageLine> lines, int at)
    {
        if (at + 1 < lines.Count && lines[at + 1].HasText) return at + 1;
        return at + 2 < lines.Count && lines[at + 1].Role == LineRole.Blank && lines[at + 2].HasText
            && (UnitCues.EndsSentence(lines[at].Text) || lines[at].Text.EndsWith(';')) ? at + 2 : null;
    }

    /// <summary>"12. ", "3) ": an item's number and the mark's length.</summary>
    private static (int Place, int Length)? Numbered(string text) =>
        ItemNumber().Match(text) is { Success: true } m ? (int.Parse(m.Groups[1].Value), m.Length) : null;

    /// <summary>"b) " the second, "(iii) " the third: a letter's or numeral's place and the mark's length.</summary>
    private static (int Place, int Length)? Ordered(string text) =>
        Ordinal(text) is > 0 and var place ? (place, OrderMark().Match(text).Length) : null;

    [GeneratedRegex(@"^(\d{1,2})[.)]\s+")]
    private static partial Regex ItemNumber();

    /// <summary>The place in its list of an item's mark, "b)" the second, "(iii)" the third; 0 when the line has none.</summary>
    private static int Ordinal(string text)
    {
        var m = OrderMark().Match(text);
        if (!m.Success) return 0;
        if (m.Groups["letter"].Success) return m.Groups["letter"].Value[0] - 'a' + 1;
        return Array.IndexOf(Romans, m.Groups["roman"].Value) + 1;
    }

    private static readonly string[] Romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

    /// <summary>"a) ", "(b) ", "(iii) ": a lower-case letter or Roman numeral before a bracket, then the item.</summary>
    [GeneratedRegex(@"^(?:\(?(?<letter>[a-h])\)|\((?<roman>[ivx]{1,4})\))\s+(?=\S)")]
    private static partial Regex OrderMark();

    /// <summary>
    /// Two or more adjacent lines, each a dash and a clause ending in punctuation ("— el chofer no recibe propinas …, cada cual decide."),
    /// under a lead-in that ends in a colon: a list's items. A lone dash before a name signs a quote or a post.
    /// </summary>
    private static void MarkDashed(List<PageLine> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (!IsDashed(lines[i]) || i > 0 && IsDashed(lines[i - 1])) continue;
            int end = i;
            while (end + 1 < lines.Count && IsDashed(lines[end + 1])) end++;
            if (end == i || PageLines.PreviousText(lines, i - 1) is not int lead || !lines[lead].Text.EndsWith(':')) continue;
            for (int k = i; k <= end; k++) lines[k] = lines[k] with { Text = lines[k].Text[DashMark().Match(lines[k].Text).Length..], Bullet = true };
            i = end;
        }
    }

    private static bool IsDashed(PageLine l) => l.HasText && !l.Bullet && DashMark().IsMatch(l.Text) && ClauseEnd().IsMatch(l.Text);

    [GeneratedRegex(@"^—\s+(?=\S)")]
    private static partial Regex DashMark();

    [GeneratedRegex(@"[.;,][”""’')\]]*$")]
    private static partial Regex ClauseEnd();
}
