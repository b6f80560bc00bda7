namespace Stance.Core.Text;

/// <summary>
/// Splits a comment section into comments. When the section has bullets ("  •" in 001), each bullet
/// starts a comment and everything up to the next bullet, blank lines included, is that one comment:
/// its wrapped lines and its paragraphs are joined with single spaces. Boilerplate ("Comments are
/// closed.") ends a comment. Without bullets there is no telling a comment's paragraphs from the next
/// comment, so each paragraph is a comment.
/// </summary>
internal static class CommentSplitter
{
    public static List<Draft> Split(IReadOnlyList<PageLine> lines)
    {
        if (!lines.Any(l => l.Role == LineRole.Content && l.Bullet)) return ParagraphSplitter.Split(lines);
        var drafts = new List<Draft>();
        var comment = new List<PageLine>();
        foreach (var line in lines)
        {
            if (line.Role == LineRole.Blank) continue;
            if (line.Role != LineRole.Content || line.Bullet) ParagraphSplitter.Flush(comment, drafts);
            if (line.Role == LineRole.Content) comment.Add(line);
        }
        ParagraphSplitter.Flush(comment, drafts);
        return drafts;
    }
}
