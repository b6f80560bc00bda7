namespace Stance.Core.Text;

/// <summary>
/// A title the extractor printed twice at the top of the page: once as the page's first line (a bullet or dash before it, "– Why
/// is …"), then again, whole, a few chrome lines below ("433 viewsEconomicsOther"), over the post's text. Q&amp;A and forum pages
/// print their title this way: the first copy is the headline (the title where it first appears as a whole line), the second its echo.
/// </summary>
internal static class RepeatedTitle
{
    /// <summary>The most text lines between the two copies.</summary>
    private const int MaxGap = 3;

    /// <summary>The page's first line when it repeats, whole, within a few lines with no prose between (a title of 4–25 words); else null.</summary>
    public static int? At(List<PageLine> lines)
    {
        // The first copy carries its dash; a site's name printed twice ("Letters from X", a page's name over its posts) carries none.
        if (PageLines.NextText(lines, 0) is not int top || !lines[top].Bullet || PageCues.Words(lines[top].Text) is < 4 or > 25) return null;
        int at = top;
        for (int seen = 0; seen <= MaxGap && PageLines.NextText(lines, at + 1) is int n; seen++, at = n)
        {
            if (lines[n].Text == lines[top].Text) return top;
            if (BodyBounds.IsProse(lines[n])) return null;
        }
        return null;
    }
}
