namespace Stance.Bench.TrainUnitFilter;

/// <summary>
/// Trains filters and picks their setting and threshold by leave-one-set-out among the training sets only: each set's
/// pages are scored by a filter trained on the others, and the pooled scores decide. The threshold kept is the one
/// with the best pooled precision whose recall stays within <see cref="RecallSlack"/> of the rules' own recall.
/// </summary>
public static class Selection
{
    /// <summary>The recall (share of marked units) the filter may cost on the inner folds; the outer goal allows less than 0.01.</summary>
    public const double RecallSlack = 0.005;

    /// <summary>The thresholds tried: 0 keeps every unit (the rules alone).</summary>
    public static readonly double[] Thresholds = [.. Enumerable.Range(0, 39).Select(i => i * 0.025)];

    public static float[] Train(IEnumerable<FixtureSet> sets, FilterSetting setting)
    {
        var examples = sets.SelectMany(s => s.Examples).Select(e => (e, e.Source == ExampleSource.Found ? 1.0 : setting.ExtraWeight)).ToList();
        return LogisticTrainer.Train(examples, setting.L2, Stance.Core.Text.UnitFeatures.Count);
    }

    /// <summary>The setting and threshold inner leave-one-set-out picks on <paramref name="sets"/>, with the pooled inner score.</summary>
    public static (FilterSetting Setting, double Threshold, Tally Inner) Choose(IReadOnlyDictionary<string, FixtureSet> sets)
    {
        if (sets.Count < 2) throw new ArgumentException("inner leave-one-set-out needs two sets at least", nameof(sets));
        (FilterSetting Setting, double Threshold, Tally Inner)? best = null;
        foreach (var setting in FilterSetting.Grid)
        {
            var scored = new List<(PageData Page, double[] Probabilities)>();
            foreach (var (held, set) in sets)
            {
                var weights = Train(sets.Where(s => s.Key != held).Select(s => s.Value), setting);
                scored.AddRange(set.Today.Select(p => (p, p.Probabilities(weights))));
            }
            var (threshold, tally) = BestThreshold(scored);
            if (best is null || Better(tally, best.Value.Inner)) best = (setting, threshold, tally);
        }
        return best!.Value;
    }

    /// <summary>The threshold with the best pooled precision within the recall slack (ties: the higher recall, then the lower threshold).</summary>
    public static (double Threshold, Tally Tally) BestThreshold(IReadOnlyList<(PageData Page, double[] Probabilities)> scored)
    {
        Tally At(double t) => scored.Aggregate(new Tally(), (sum, s) => sum + s.Page.Score(s.Probabilities, t));
        var rules = At(0);
        (double Threshold, Tally Tally) best = (0, rules);
        foreach (var t in Thresholds.Skip(1))
        {
            var tally = At(t);
            if (tally.Recall >= rules.Recall - RecallSlack && Better(tally, best.Tally)) best = (t, tally);
        }
        return best;
    }

    private static bool Better(Tally a, Tally b) => a.Precision > b.Precision || a.Precision == b.Precision && a.Recall > b.Recall;
}
