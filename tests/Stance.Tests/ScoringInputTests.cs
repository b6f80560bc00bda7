using Stance.Core.Input;

namespace Stance.Tests;

/// <summary>How Score's inputs become units: articles through the segmenter, CSV rows with their kind.</summary>
public class ScoringInputTests
{
    private static List<ScoringUnit> Units(string path) => new ScoringInput([path], "text", ',').Units(TextReader.Null).ToList();

    [Fact]
    public void AnArticleIsCutIntoKindedUnitsWithFileAndIndexIds()
    {
        var units = Units(Path.Combine(Repo.Root, "seeds", "001_c04d03022b7c74bc.txt"));
        Assert.Equal(24, units.Count);   // 1 headline, 1 byline, 2 captions, 9 paragraphs, 11 comments
        Assert.Equal(["headline", "byline", "caption", "paragraph", "caption"], units.Take(5).Select(u => u.Kind));
        Assert.Equal([1L, 3, 5, 8, 9], units.Take(5).Select(u => u.Line));
        Assert.Equal(Enumerable.Range(1, 24).Select(i => $"001_c04d03022b7c74bc.txt:{i}"), units.Select(u => u.Id));
        Assert.Equal(11, units.Count(u => u.Kind == "comment"));
    }

    [Fact]
    public void CsvRowsTakeTheirKindColumnOrText()
    {
        var corpus = Units(Path.Combine(Repo.Root, "data", "stance.csv"));
        Assert.Equal("headline", corpus[0].Kind);
        Assert.Contains(corpus, u => u.Kind == "comment");
        Assert.All(Units(Cli.Fixture("small.csv")), u => Assert.Equal("text", u.Kind));
    }
}
