using Stance.Core.Text;

namespace Stance.Bench.TrainUnitFilter;

/// <summary>The filter Stance.Core embeds: setting and threshold picked by leave-one-set-out over all fixture sets, weights trained on all of them.</summary>
public static class FinalFilter
{
    public static (UnitFilter Filter, FilterSetting Setting, Tally Inner) Train(IReadOnlyDictionary<string, FixtureSet> sets)
    {
        var (setting, threshold, inner) = Selection.Choose(sets);
        var weights = Selection.Train(FixturePage.Sets.Select(s => sets[s]), setting);
        return (new UnitFilter(weights, (float)threshold), setting, inner);
    }

    /// <summary>The embedded file's bytes for the fixtures under <paramref name="fixtures"/>.</summary>
    public static byte[] Bytes(string fixtures)
    {
        using var stream = new MemoryStream();
        Train(FixtureSet.Load(fixtures)).Filter.Write(stream);
        return stream.ToArray();
    }
}
