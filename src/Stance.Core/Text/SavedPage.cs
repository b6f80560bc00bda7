using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// A saved page's lines as printed (trimmed, white-space runs as one space, nothing dropped), for the features
/// that look around a unit: where it sits on the page, how many lines it spans, what the lines beside it are.
/// </summary>
public sealed partial class SavedPage
{
    public SavedPage(string page)
    {
        Lines = [.. page.Split('\n').Select(l => Spaces().Replace(l, " ").Trim())];
        _copies = Lines.Where(l => l.Length > 0).GroupBy(l => l, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>Line i (0-based) of the page.</summary>
    public IReadOnlyList<string> Lines { get; }

    private readonly Dictionary<string, int> _copies;

    /// <summary>How often the page prints exactly this line (menus and promo titles come back; prose rarely does).</summary>
    public int Copies(string line) => _copies.GetValueOrDefault(line);

    /// <summary>
    /// The 0-based lines a unit starting at 1-based <paramref name="line"/> spans: every following line with text that is part of
    /// the unit's text, blank lines between them allowed (a comment of several paragraphs).
    /// </summary>
    public (int First, int Last) Span(int line, string text)
    {
        int first = Math.Clamp(line - 1, 0, Lines.Count - 1), last = first;
        for (int i = first + 1; i < Lines.Count; i++)
        {
            if (Lines[i].Length == 0) continue;
            if (!text.Contains(Lines[i], StringComparison.Ordinal)) break;
            last = i;
        }
        return (first, last);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
