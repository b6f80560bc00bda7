using Stance.Core.Text;

namespace Stance.Bench.TrainUnitFilter;

/// <summary>
/// The training examples of a fixture page. Text: the marked paragraphs and comments (as the segmenter finds them, else
/// as marked, placed at the first line that holds their opening). Furniture: the paragraphs and comments the segmenter
/// finds that match no marked unit's text, and the page's lines with letters that are part of no marked unit.
/// A found unit whose text is marked under another kind counts as text: the filter cannot mend a kind, only drop.
/// </summary>
public static class TrainingExamples
{
    public static List<Example> Of(FixturePage page)
    {
        var examples = new List<Example>();
        var markedTexts = page.Marked.Select(m => m.Text).ToList();
        var unmatched = page.Marked.Where(m => m.Kind is "paragraph" or "comment").ToList();
        var found = page.Found.Where(u => u.Kind is UnitKind.Paragraph or UnitKind.Comment).ToList();
        foreach (var unit in found)
        {
            var text = FixturePage.Squeeze(unit.Text);
            int at = unmatched.FindIndex(m => m.Text == text);
            if (at >= 0) unmatched.RemoveAt(at);
            examples.Add(Make(page, unit.Kind, unit.Text, unit.Line, at >= 0 || markedTexts.Contains(text), ExampleSource.Found));
        }
        foreach (var (kind, text) in unmatched)
            if (FirstLineOf(page.Saved, text) is int line)
                examples.Add(Make(page, kind == "comment" ? UnitKind.Comment : UnitKind.Paragraph, text, line, true, ExampleSource.MissedMarked));

        var foundTexts = found.Select(u => FixturePage.Squeeze(u.Text)).ToHashSet(StringComparer.Ordinal);
        int firstComment = page.Found.Where(u => u.Kind == UnitKind.Comment).Select(u => u.Line).DefaultIfEmpty(int.MaxValue).Min();
        for (int i = 0; i < page.Saved.Lines.Count; i++)
        {
            var line = page.Saved.Lines[i];
            if (!line.Any(char.IsLetter) || foundTexts.Contains(line) || markedTexts.Any(m => m.Contains(line, StringComparison.Ordinal))) continue;
            examples.Add(Make(page, i + 1 >= firstComment ? UnitKind.Comment : UnitKind.Paragraph, line, i + 1, false, ExampleSource.LooseLine));
        }
        return examples;
    }

    private static Example Make(FixturePage page, UnitKind kind, string text, int line, bool isText, ExampleSource source)
    {
        var (index, value) = UnitFeatures.Of(page.Saved, kind, text, line);
        return new Example(index, value, isText, source);
    }

    /// <summary>The 1-based first line that holds the unit's opening (its first 40 characters), or null.</summary>
    private static int? FirstLineOf(SavedPage page, string text)
    {
        var opening = text[..Math.Min(40, text.Length)];
        for (int i = 0; i < page.Lines.Count; i++)
            if (page.Lines[i].Length > 0 && (page.Lines[i].Contains(opening, StringComparison.Ordinal) || text.StartsWith(page.Lines[i], StringComparison.Ordinal))) return i + 1;
        return null;
    }
}
