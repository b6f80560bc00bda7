using Stance.Bench.TrainUnitFilter;
using Stance.Core.Text;

namespace Stance.Tests;

/// <summary>
/// The learned unit filter: the embedded weights are exactly what tests/Bench/TrainUnitFilter trains from the fixtures,
/// it drops furniture the rules let through and keeps prose, and its features do not change between processes.
/// </summary>
public class UnitFilterTests
{
    private const string Page =
        "Power is back in Holguín after three days\nBy Staff\nMarch 3, 2024\n\n" +
        "Electricity returned to most of Holguín on Sunday after a three-day outage, the utility said, although several neighborhoods in the east of the city were still dark by nightfall.\n\n" +
        "Home News Sports Opinion Video\n\n" +
        "Read more: Cuba blackout leaves millions without power\n";

    [Fact]
    public void EmbeddedWeightsAreWhatTheToolTrainsFromTheFixtures()
    {
        using var embedded = typeof(UnitFilter).Assembly.GetManifestResourceStream("Stance.Core.Text.unit-filter.bin")!;
        using var bytes = new MemoryStream();
        embedded.CopyTo(bytes);
        Assert.Equal(bytes.ToArray(), FinalFilter.Bytes(Path.Combine(Repo.Root, "tests", "Stance.Tests", "Fixtures")));
    }

    [Fact]
    public void KeepsProseAndDropsFurniture()
    {
        var units = new[]
        {
            new ArticleUnit(UnitKind.Headline, "Power is back in Holguín after three days", 1),
            new ArticleUnit(UnitKind.Paragraph, "Electricity returned to most of Holguín on Sunday after a three-day outage, the utility said, although several neighborhoods in the east of the city were still dark by nightfall.", 5),
            new ArticleUnit(UnitKind.Paragraph, "Home News Sports Opinion Video", 7),
            new ArticleUnit(UnitKind.Paragraph, "Read more: Cuba blackout leaves millions without power", 9),
        };
        Assert.Equal([1, 5], UnitFilter.Default.Apply(Page, units).Select(u => u.Line));
    }

    [Fact]
    public void FeaturesAreTheSameForTheSameUnit()
    {
        var page = new SavedPage(Page);
        var first = UnitFeatures.Of(page, UnitKind.Paragraph, "Read more: Cuba blackout leaves millions without power", 9);
        var again = UnitFeatures.Of(new SavedPage(Page), UnitKind.Paragraph, "Read more: Cuba blackout leaves millions without power", 9);
        Assert.Equal(first.Index, again.Index);
        Assert.Equal(first.Value, again.Value);
        Assert.All(first.Index, i => Assert.InRange(i, 0, UnitFeatures.Count - 1));
    }

    [Fact]
    public void WeightsSurviveWritingAndReading()
    {
        using var stream = new MemoryStream();
        UnitFilter.Default.Write(stream);
        stream.Position = 0;
        var read = UnitFilter.Read(stream);
        Assert.Equal(UnitFilter.Default.Threshold, read.Threshold);
        Assert.Equal(UnitFilter.Default.Weights, read.Weights);
    }
}
