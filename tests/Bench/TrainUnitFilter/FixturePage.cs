using System.Text.RegularExpressions;
using Stance.Core.Text;

namespace Stance.Bench.TrainUnitFilter;

/// <summary>
/// One hand-marked fixture page: the set it belongs to, its text, its marked units (kind and text, white space collapsed)
/// and the units the rule segmenter finds on it without the filter.
/// </summary>
public sealed partial record FixturePage(string Set, string Name, string Text, SavedPage Saved, IReadOnlyList<(string Kind, string Text)> Marked, IReadOnlyList<ArticleUnit> Found)
{
    /// <summary>
    /// The fixture sets in the order they were written; pages-realstyle last (our own text in the layouts of real extracted pages,
    /// written by a round's developer while tuning the rules on them, so never measured once: no freeze).
    /// </summary>
    public static readonly string[] Sets = ["pages", "pages-heldout", .. Enumerable.Range(2, 29).Select(i => $"pages-heldout{i}"), "pages-realstyle"];

    public static List<FixturePage> ReadSet(string fixtures, string set)
    {
        var rules = new ArticleSegmenter(new SegmenterOptions { UnitFilter = null });
        return [.. Directory.GetFiles(Path.Combine(fixtures, set), "*.txt").Order(StringComparer.Ordinal).Select(path =>
        {
            var text = File.ReadAllText(path);
            var marked = File.ReadAllLines(Path.ChangeExtension(path, ".expected")).Where(l => l.Length > 0)
                .Select(l => l.Split('\t', 2)).Select(p => (p[0], Squeeze(p[1]))).ToList();
            return new FixturePage(set, Path.GetFileName(path), text, new SavedPage(text), marked, rules.Segment(text));
        })];
    }

    /// <summary>The fixtures folder of the test project, found above the current folder.</summary>
    public static string FixturesFolder()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Stance.sln"))) return Path.Combine(dir.FullName, "tests", "Stance.Tests", "Fixtures");
        throw new DirectoryNotFoundException("Stance.sln not found above the current folder");
    }

    /// <summary>
    /// The page's score as SegmenterPagesTests counts it: of the headlines, paragraphs and comments among <paramref name="units"/>,
    /// how many match a marked unit (kind and text, each marked unit matched once), how many there are, how many are marked.
    /// </summary>
    public (int TruePositives, int Found, int Marked) Score(IEnumerable<ArticleUnit> units)
    {
        var (found, _) = Match(units);
        return (found.Count(f => f.Matched), found.Count, Marked.Count);
    }

    /// <summary>The found units no marked unit matches ("+ kind line text") and the marked units none matches ("- kind text").</summary>
    public IEnumerable<string> Misses(IEnumerable<ArticleUnit> units)
    {
        var (found, unmatched) = Match(units);
        return found.Where(f => !f.Matched).Select(f => $"+ {f.Unit.KindName} {f.Unit.Line} {Squeeze(f.Unit.Text)}")
            .Concat(unmatched.Select(m => $"- {m.Kind} {m.Text}"));
    }

    /// <summary>The headlines, paragraphs and comments among <paramref name="units"/>, each matched to a marked unit or not, and the marked units left over.</summary>
    private (List<(ArticleUnit Unit, bool Matched)> Found, List<(string Kind, string Text)> Unmatched) Match(IEnumerable<ArticleUnit> units)
    {
        var unmatched = Marked.ToList();
        var found = new List<(ArticleUnit, bool)>();
        foreach (var unit in units.Where(u => u.Kind is UnitKind.Headline or UnitKind.Paragraph or UnitKind.Comment))
        {
            int at = unmatched.IndexOf((unit.KindName, Squeeze(unit.Text)));
            if (at >= 0) unmatched.RemoveAt(at);
            found.Add((unit, at >= 0));
        }
        return (found, unmatched);
    }

    public static string Squeeze(string s) => Spaces().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
