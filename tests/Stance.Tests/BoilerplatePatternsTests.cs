using Stance.Core.Common;
using Stance.Core.Text;

namespace Stance.Tests;

/// <summary>The shipped boilerplate patterns and the user pattern file.</summary>
public class BoilerplatePatternsTests
{
    private static string SeedPath(string number) => Directory.GetFiles(Path.Combine(Repo.Root, "seeds"), number + "_*.txt").Single();

    private static string SeedLine(string number, int line) => File.ReadAllLines(SeedPath(number))[line - 1].Trim();

    private static bool IsBoilerplate(string text) => BoilerplatePatterns.Default.Any(p => p.IsMatch(text));

    [Theory]
    // The lines real_notes.md lists as left out as boilerplate (headers of comment sections aside).
    [InlineData("000", 4)] [InlineData("000", 24)] [InlineData("000", 26)]
    [InlineData("001", 108)]
    [InlineData("002", 30)] [InlineData("002", 33)] [InlineData("002", 34)]
    [InlineData("003", 31)]
    [InlineData("004", 18)]
    public void TheDefaultsMatchTheSeedsBoilerplate(string seed, int line) => Assert.True(IsBoilerplate(SeedLine(seed, line)), SeedLine(seed, line));

    [Fact]
    public void TheDefaultsMatchNoLabeledText()
    {
        using var csv = CsvSource.Open(Path.Combine(Repo.Root, "data", "stance.csv"));
        int text = csv.ColumnIndex("text");
        Assert.DoesNotContain(csv.Records(), r => IsBoilerplate(r.Fields[text]));
    }

    [Fact]
    public void AUserPatternFileDropsItsLinesAndIgnoresCommentsAndBlankLines()
    {
        var file = Path.Combine(Cli.TempDir(), "extra.txt");
        File.WriteAllText(file, "# site furniture of this outlet\n\n   ^His agenda also includes\\b  \n");
        var patterns = BoilerplatePatterns.Load(file);
        Assert.Single(patterns);

        var page = File.ReadAllText(SeedPath("002"));
        var plain = new ArticleSegmenter().Segment(page);
        var extended = new ArticleSegmenter(new SegmenterOptions { ExtraBoilerplate = patterns }).Segment(page);
        Assert.Contains(plain, u => u.Text.StartsWith("His agenda also includes"));
        Assert.Equal(plain.Where(u => !u.Text.StartsWith("His agenda also includes")), extended);
    }

    [Fact]
    public void AnInvalidRegexIsAnErrorNamingFileAndLine()
    {
        var file = Path.Combine(Cli.TempDir(), "extra.txt");
        File.WriteAllText(file, "# comment\n^Source:\n^(unclosed\n");
        var e = Assert.Throws<InputException>(() => BoilerplatePatterns.Load(file));
        Assert.StartsWith($"{file}, line 3: invalid regular expression", e.Message);
        Assert.Contains("(unclosed", e.Message);
    }

    [Fact]
    public void AMissingPatternFileIsAnError()
    {
        var e = Assert.Throws<InputException>(() => BoilerplatePatterns.Load("/nonexistent/extra.txt"));
        Assert.Contains("/nonexistent/extra.txt: file not found", e.Message);
    }
}
