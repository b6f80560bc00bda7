namespace Stance.Bench.TrainUnitFilter;

/// <summary>
/// A fixture set's pages with the units today's rules find, and (for the sets measured once at a freeze) with the units
/// the rules of that freeze found. The freeze's units show what the rules let through on pages they had not seen yet.
/// </summary>
public sealed record FixtureSet(List<PageData> Today, List<PageData>? AtFreeze)
{
    /// <summary>
    /// The training examples: today's, and the units found at the freeze (the furniture unseen pages let through; the loose
    /// lines would be the same pages' again). Measured: with the freeze's units the filter gains more precision at the
    /// freeze and today than without them, and the inner selection then mostly leaves the loose lines out (extra weight 0).
    /// </summary>
    public IEnumerable<Example> Examples =>
        Today.SelectMany(p => p.Examples).Concat((AtFreeze ?? []).SelectMany(p => p.Examples).Where(e => e.Source == ExampleSource.Found));

    public static Dictionary<string, FixtureSet> Load(string fixtures)
    {
        var freeze = FreezeUnits.Folder(fixtures);
        return FixturePage.Sets.ToDictionary(s => s, s =>
        {
            var today = FixturePage.ReadSet(fixtures, s).Select(PageData.Of).ToList();
            return new FixtureSet(today, File.Exists(Path.Combine(freeze, s + ".tsv")) ? FreezeUnits.Read(freeze, s, today) : null);
        });
    }
}
