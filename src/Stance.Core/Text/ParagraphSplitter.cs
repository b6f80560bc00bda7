namespace Stance.Core.Text;

/// <summary>
/// Finds paragraphs whether or not blank lines separate them. Blank and boilerplate lines end a block;
/// inside a block a bullet starts a new paragraph, and a line that ends a sentence ends its paragraph
/// when it is long (a one-line paragraph, as in 004) or when no line of the block ends mid-sentence (a
/// block of short one-line paragraphs). Otherwise lines are hard-wrapped and are joined; a line longer than
/// any wrap width stands alone, and so does the end of a sentence with room left on its line for the next line's first word (a
/// text dump wrapped at 80 with no blank line between paragraphs: the wrapper would have filled that room). Not in a bulleted
/// item: a reader's comment under a bullet breaks its lines by hand and runs to the next bullet.
/// </summary>
internal static class ParagraphSplitter
{
    /// <summary>The narrowest block read as hard-wrapped text: e-mail wraps at 72, text dumps at 80.</summary>
    private const int MinWrapWidth = 60;

    public static List<Draft> Split(IEnumerable<PageLine> lines)
    {
        var drafts = new List<Draft>();
        var block = new List<PageLine>();
        foreach (var line in lines)
        {
            if (line.Role == LineRole.Content) { block.Add(line); continue; }
            SplitBlock(block, drafts);
            block.Clear();
        }
        SplitBlock(block, drafts);
        return drafts;
    }

    private static void SplitBlock(List<PageLine> block, List<Draft> drafts)
    {
        bool wrapped = block.Take(block.Count - 1).Any(l => l.Text.Length > 0 && !UnitCues.EndsSentence(l.Text));
        int width = block.Count == 0 ? 0 : block.Max(l => l.Text.Length);
        var paragraph = new List<PageLine>();
        for (int i = 0; i < block.Count; i++)
        {
            var line = block[i];
            // No page hard-wraps this long a line: it is a paragraph of its own (or a caption) whatever precedes it,
            // unless it stops mid-sentence and the next line goes on in lower case (a wide wrap).
            bool goesOn = !UnitCues.EndsSentence(line.Text) && i + 1 < block.Count && block[i + 1].Text.Length > 0 && char.IsLower(block[i + 1].Text[0]);
            bool whole = line.Text.Length > UnitCues.LongLine && !goesOn;
            if (line.Bullet || whole) Flush(paragraph, drafts);
            paragraph.Add(line);
            if (whole) { Flush(paragraph, drafts); continue; }
            if (UnitCues.EndsSentence(line.Text) && (!wrapped || line.Text.Length >= UnitCues.LongLine || !paragraph[0].Bullet && RoomLeft(line, i + 1 < block.Count ? block[i + 1] : null, width)))
                Flush(paragraph, drafts);
        }
        Flush(paragraph, drafts);
    }

    /// <summary>Whether the next line's first word would have fitted on <paramref name="line"/> in a block wrapped at <paramref name="width"/>.</summary>
    private static bool RoomLeft(PageLine line, PageLine? next, int width) =>
        next is { Text.Length: > 0 } n && !n.Bullet && width >= MinWrapWidth && line.Text.Length + 1 + n.Text.Split(' ')[0].Length <= width;

    internal static void Flush(List<PageLine> lines, List<Draft> drafts)
    {
        if (lines.Count > 0 && Draft.Join(lines) is Draft d) drafts.Add(d);
        lines.Clear();
    }
}
