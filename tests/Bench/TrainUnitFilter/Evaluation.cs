using System.Text;

namespace Stance.Bench.TrainUnitFilter;

/// <summary>
/// The honest measure of the filter: each fixture set is scored by a filter that never saw it, trained on the other sets
/// with the setting and threshold an inner leave-one-set-out on those sets picked. Scored as today's rules find the set,
/// as the rules of its freeze found it (before they were tuned on it), and in the order the sets were written.
/// </summary>
public static class Evaluation
{
    public static string LeaveOneSetOut(IReadOnlyDictionary<string, FixtureSet> sets)
    {
        var report = new StringBuilder("| held-out set | pages | rules P / R | rules+filter P / R | setting | threshold |\n|---|---|---|---|---|---|\n");
        Tally rulesAll = new(), filterAll = new(), rulesLate = new(), filterLate = new();
        foreach (var held in FixturePage.Sets)
        {
            var (rules, filtered, setting, threshold) = Score(sets.Where(s => s.Key != held).ToDictionary(), sets[held].Today);
            report.AppendLine($"| {held} | {sets[held].Today.Count} | {rules} | {filtered} | {setting} | {threshold:0.000} |");
            rulesAll += rules; filterAll += filtered;
            if (Array.IndexOf(FixturePage.Sets, held) >= 5) { rulesLate += rules; filterLate += filtered; }
        }
        report.AppendLine($"| pooled, all {FixturePage.Sets.Length} sets | | {rulesAll} | {filterAll} | | |");
        report.AppendLine($"| pooled, heldout5–{FixturePage.Sets.Length - 1} | | {rulesLate} | {filterLate} | | |");
        return report.ToString();
    }

    /// <summary>
    /// Each held-out set as the rules of its freeze found it (<see cref="FreezeUnits"/>), scored by the rules alone and with the
    /// filter trained on the other sets: the nearest the fixtures come to a fresh set's pages.
    /// </summary>
    public static string AtFreeze(IReadOnlyDictionary<string, FixtureSet> sets)
    {
        var report = new StringBuilder("| set, as its freeze's rules found it | freeze rules P / R | freeze rules+filter P / R | setting | threshold |\n|---|---|---|---|---|\n");
        Tally rulesAll = new(), filterAll = new();
        foreach (var held in FixturePage.Sets.Where(s => sets[s].AtFreeze is not null))
        {
            var (rules, filtered, setting, threshold) = Score(sets.Where(s => s.Key != held).ToDictionary(), sets[held].AtFreeze!);
            report.AppendLine($"| {held} | {rules} | {filtered} | {setting} | {threshold:0.000} |");
            rulesAll += rules; filterAll += filtered;
        }
        report.AppendLine($"| pooled | {rulesAll} | {filterAll} | | |");
        return report.ToString();
    }

    /// <summary>Each set (from the third on) as today's rules find it, scored by a filter trained on the sets written before it.</summary>
    public static string InWrittenOrder(IReadOnlyDictionary<string, FixtureSet> sets)
    {
        var report = new StringBuilder("| set (trained on the sets before it) | rules P / R | rules+filter P / R | setting | threshold |\n|---|---|---|---|---|\n");
        Tally rulesAll = new(), filterAll = new();
        for (int k = 2; k < FixturePage.Sets.Length; k++)
        {
            var held = FixturePage.Sets[k];
            var (rules, filtered, setting, threshold) = Score(FixturePage.Sets.Take(k).ToDictionary(s => s, s => sets[s]), sets[held].Today);
            report.AppendLine($"| {held} | {rules} | {filtered} | {setting} | {threshold:0.000} |");
            rulesAll += rules; filterAll += filtered;
        }
        report.AppendLine($"| pooled, heldout2–{FixturePage.Sets.Length - 1} | {rulesAll} | {filterAll} | | |");
        return report.ToString();
    }

    /// <summary>The held-out pages' score by the rules alone and with a filter chosen and trained on <paramref name="training"/> only.</summary>
    private static (Tally Rules, Tally Filtered, FilterSetting Setting, double Threshold) Score(IReadOnlyDictionary<string, FixtureSet> training, List<PageData> held)
    {
        var (setting, threshold, _) = Selection.Choose(training);
        var weights = Selection.Train(training.Values, setting);
        Tally rules = new(), filtered = new();
        foreach (var page in held)
        {
            var probabilities = page.Probabilities(weights);
            rules += page.Score(probabilities, 0);
            filtered += page.Score(probabilities, threshold);
        }
        return (rules, filtered, setting, threshold);
    }
}
