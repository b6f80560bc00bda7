using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// A photo's caption with no credit, set between the byline or date and the story's first paragraph: one short sentence of what the
/// picture shows ("A customer pays for guava pastries at a Cuban-run bakery in San José."), right over the paragraph that opens with the
/// story's dateline ("SAN JOSÉ, Costa Rica — At a little after six …", "Matanzas, Sep 19 (PdS) Health authorities …"). The dateline opens
/// the story, so a sentence above it and below the byline is no part of it (a dek sits above the byline).
/// </summary>
internal static partial class LeadCaption
{
    /// <summary>The most words such a caption has.</summary>
    private const int MaxWords = 25;

    /// <summary>The most paragraphs above the story's first (a dek, the caption).</summary>
    private const int MaxAbove = 2;

    /// <summary>
    /// The index among <paramref name="drafts"/> of that caption, or -1: the draft right over the first that opens with a dateline, with a
    /// byline or date line between it and what comes before it (the headline or a dek).
    /// </summary>
    public static int At(List<PageLine> lines, int headline, List<Draft> drafts)
    {
        int story = drafts.FindIndex(d => Dateline().IsMatch(d.Text));
        // A byline stands as a draft of its own ("By Mabel Sotolongo Recio" between the dek and the caption): no paragraph above the story.
        var above = drafts.Take(Math.Max(story, 0)).Where(d => !IsByline(d.Text)).ToList();
        if (story < 1 || above.Count is < 1 or > MaxAbove || drafts[story - 1] != above[^1]) return -1;
        string text = drafts[story - 1].Text;
        if (PageCues.Words(text) > MaxWords || !text.EndsWith('.') || text.TrimEnd('.').Contains(". ", StringComparison.Ordinal)) return -1;
        int after = above.Count >= 2 ? above[^2].Line : headline >= 0 ? lines[headline].Number : 0;
        return lines.Any(l => l.Number > after && l.Number < drafts[story - 1].Line && l.Text.Length > 0 && IsByline(l.Text))
            ? story - 1 : -1;
    }

    private static bool IsByline(string text) => PageCues.IsBylineOrDate(text) || UnitCues.IsByline(text);

    /// <summary>
    /// A dateline opening a paragraph: a place in capitals, perhaps its country, then a dash ("SAN JOSÉ, Costa Rica —", "HIALEAH —"), or a
    /// place, a short date and an agency's initials in brackets ("Matanzas, Sep 19 (PdS)").
    /// </summary>
    [GeneratedRegex(@"^(?:\p{Lu}{2}[\p{Lu} .'’-]{1,30}(?:,\s+\p{Lu}[\p{L} .'’-]{1,30})?\s*(?:\([^()]{2,30}\))?\s*[-–—]{1,2}\s*\S|\p{Lu}[\p{L} .'’-]{1,30},\s+\p{L}{3,9}\.?\s+\d{1,2}\s+\([\p{L}]{2,8}\)\s+\p{Lu})")]
    private static partial Regex Dateline();
}
