using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// List items marked otherwise than with a bullet or a number: letters in order ("a) …", "b) …"), Roman numerals in brackets ("(i) …",
/// "(ii) …"), or a dash before each of a run of clauses ("— cada familia …;" over "— se prohíbe …;"). Each is a paragraph of its own,
/// its mark no part of its text, as a numbered list's items are.
/// </summary>
internal static partial class ListMarks
{
    public static void Mark(List<PageLine> lines)
    {
        MarkOrdered(lines);
        MarkDashed(lines);
    }

    /// <summary>Items marked "a)" … or "(i)" …, two at least, in order from the first letter or numeral, adjacent or a blank line apart when each ends a clause.</summary>
    private static void MarkOrdered(List<PageLine> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (!lines[i].HasText || lines[i].Bullet || Ordinal(lines[i].Text) != 1) continue;
            var items = new List<int> { i };
            for (int at = i; PageLines.NextItem(lines, at) is int next && Ordinal(lines[next].Text) == items.Count + 1; at = next) items.Add(next);
            if (items.Count < 2) continue;
            foreach (int k in items) lines[k] = lines[k] with { Text = lines[k].Text[OrderMark().Match(lines[k].Text).Length..], Bullet = true };
            i = items[^1];
        }
    }

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
