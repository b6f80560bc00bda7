namespace Stance.Core.Text;

/// <summary>
/// A unit before it has a kind: its text, the line it starts on, whether it opened with a bullet, and
/// whether the page repeats it (a repeated short unit is a caption, not body).
/// </summary>
internal sealed record Draft(int Line, string Text, bool Bulleted, bool Repeated)
{
    /// <summary>Joins the lines with single spaces; null when none has text (a bare bullet).</summary>
    public static Draft? Join(IReadOnlyList<PageLine> lines)
    {
        var text = string.Join(' ', lines.Where(l => l.Text.Length > 0).Select(l => l.Text));
        return text.Length == 0 ? null : new Draft(lines[0].Number, text, lines[0].Bullet, lines.Any(l => l.Repeated));
    }

    /// <summary>Keeps the first of drafts with the same text, marked repeated (001's caption at L9, L19 and L20).</summary>
    public static List<Draft> KeepFirstOfRepeats(IEnumerable<Draft> drafts)
    {
        var kept = new List<Draft>();
        var firstAt = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in drafts)
        {
            if (firstAt.TryGetValue(d.Text, out int at)) kept[at] = kept[at] with { Repeated = true };
            else { firstAt[d.Text] = kept.Count; kept.Add(d); }
        }
        return kept;
    }
}
