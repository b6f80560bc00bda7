using Stance.Core.Text;

namespace Stance.Bench.TrainUnitFilter;

/// <summary>
/// The units the segmenter of the day found on a held-out set when that set was measured once, before the rules were
/// tuned on it (freeze/&lt;set&gt;.tsv, written by freeze/dump.sh: page, kind, line, text). Today's rules have been tuned
/// on every set, so only these show the furniture rules let through on pages they have not seen.
/// </summary>
public static class FreezeUnits
{
    public static string Folder(string fixtures) => Path.GetFullPath(Path.Combine(fixtures, "..", "..", "Bench", "TrainUnitFilter", "freeze"));

    /// <summary>The set's pages with the units found at its freeze in place of today's.</summary>
    public static List<PageData> Read(string folder, string set, IEnumerable<PageData> pages)
    {
        var units = File.ReadAllLines(Path.Combine(folder, set + ".tsv")).Where(l => l.Length > 0).Select(l => l.Split('\t', 4))
            .ToLookup(p => p[0], p => new ArticleUnit(Enum.Parse<UnitKind>(p[1], ignoreCase: true), p[3], int.Parse(p[2])));
        return [.. pages.Select(p => PageData.Of(p.Page with { Found = [.. units[p.Page.Name]] }))];
    }
}
