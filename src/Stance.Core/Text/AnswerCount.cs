using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// An answers site's count over its answers ("17 Answers", "3 answers"), the way a blog's "12 Comments" opens its comments: what
/// follows are the readers' answers, each a comment, whatever heads them ("Anonymous 0 Comments"). Not when a sort control follows it
/// ("Sorted by:", "Sort by"): that site prints comments under the question above the count, and its own thread rules read the page.
/// </summary>
internal static partial class AnswerCount
{
    /// <summary>Marks each answer count with nothing but answers under it as a comment header.</summary>
    public static void Mark(List<PageLine> lines)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (!lines[i].HasText || !Count().IsMatch(lines[i].Text)) continue;
            if (lines.Skip(i + 1).Take(3).Any(l => SortControl().IsMatch(l.Text))) continue;
            lines[i] = lines[i] with { Role = LineRole.CommentHeader };
        }
    }

    [GeneratedRegex(@"(?i)^\d{1,3}(?:[.,]\d{3})*\s+(?:answers|respuestas)$")]
    private static partial Regex Count();

    [GeneratedRegex(@"(?i)^(?:sorted|sort|order(?:ed)?)\s+by\b")]
    private static partial Regex SortControl();
}
