using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// Turns the raw text of a scraped article page into its units, in page order: the headline, body
/// paragraphs, captions and bylines, then reader comments. Boilerplate lines are dropped, a line or
/// unit the page repeats is kept once, and paragraphs are found with or without blank lines between them.
/// </summary>
public sealed class ArticleSegmenter
{
    private readonly IReadOnlyList<Regex> _boilerplate;

    public ArticleSegmenter() : this(new SegmenterOptions()) { }

    public ArticleSegmenter(SegmenterOptions options) => _boilerplate = [.. BoilerplatePatterns.Default, .. options.ExtraBoilerplate];

    public IReadOnlyList<ArticleUnit> Segment(string page)
    {
        var lines = PageLines.Read(page, _boilerplate);
        int header = CommentSectionStart(lines);
        var units = Body(PageLines.DropAdjacentRepeats(lines.Take(header)));
        if (header < lines.Count)
        {
            var comments = Draft.KeepFirstOfRepeats(CommentSplitter.Split(lines.GetRange(header + 1, lines.Count - header - 1)));
            units.AddRange(comments.Select(d => new ArticleUnit(UnitKind.Comment, d.Text, d.Line)));
        }
        return units;
    }

    /// <summary>
    /// The index of the header that opens the comment section, or the line count when there is none.
    /// A header before any sentence of the body is a comment count printed under the headline, not the
    /// start of the comments.
    /// </summary>
    private static int CommentSectionStart(List<PageLine> lines)
    {
        bool bodySeen = false;
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Role == LineRole.CommentHeader && bodySeen) return i;
            if (lines[i].HasText && UnitCues.EndsSentence(lines[i].Text)) bodySeen = true;
        }
        return lines.Count;
    }

    private static List<ArticleUnit> Body(List<PageLine> lines)
    {
        int headline = HeadlineAt(lines);
        var drafts = new List<Draft>();
        if (headline >= 0) drafts.Add(Draft.Join([lines[headline]])!);
        // The headline line becomes a separator so it is never joined to the line after it.
        drafts.AddRange(ParagraphSplitter.Split(lines.Select((l, i) => i == headline ? l with { Role = LineRole.Blank } : l)));
        drafts = Draft.KeepFirstOfRepeats(drafts);

        var kinds = drafts.Select((d, i) => headline >= 0 && i == 0 ? UnitKind.Headline : BodyKind(d)).ToArray();
        // Author bios close the body: walk back from its end while paragraphs read as bios.
        for (int i = drafts.Count - 1; i >= 0; i--)
        {
            if (kinds[i] != UnitKind.Paragraph) continue;
            if (!UnitCues.IsAuthorBio(drafts[i].Text, drafts[i].Bulleted)) break;
            kinds[i] = UnitKind.Byline;
        }
        return drafts.Select((d, i) => new ArticleUnit(kinds[i], d.Text, d.Line)).ToList();
    }

    private static UnitKind BodyKind(Draft d) =>
        UnitCues.IsByline(d.Text) ? UnitKind.Byline
        : UnitCues.IsCaption(d.Text) || d.Repeated && d.Text.Length <= UnitCues.CaptionMaxChars ? UnitKind.Caption
        : UnitKind.Paragraph;

    /// <summary>
    /// The first line with text is the headline when it is headline-shaped (short, no final period) and
    /// stands alone or is followed by a line that starts a sentence; 004 opens with a paragraph instead.
    /// </summary>
    private static int HeadlineAt(List<PageLine> lines)
    {
        int i = lines.FindIndex(l => l.HasText);
        if (i < 0 || lines[i].Bullet || !UnitCues.IsHeadline(lines[i].Text)) return -1;
        bool alone = i + 1 == lines.Count || lines[i + 1].Role != LineRole.Content;
        return alone || UnitCues.StartsSentence(lines[i + 1].Text) ? i : -1;
    }
}
