using System.Text.RegularExpressions;
using Stance.Core.Data;

namespace Stance.Tests;

/// <summary>The promises data/README.md makes about data/stance.csv.</summary>
public class CorpusTests
{
    private static readonly string[] Seeds =
        ["000_11b79d241aec9981.txt", "001_c04d03022b7c74bc.txt", "002_1dbb4ff3a3ca9094.txt", "003_8684e471e390c72c.txt", "004_6d15cf6dee815b5a.txt"];

    private static List<Dictionary<string, string>> Rows()
    {
        using var csv = CsvSource.Open(Path.Combine(Repo.Root, "data", "stance.csv"));
        Assert.Equal(["id", "source", "kind", "text", "stance", "sentiment"], csv.Header);
        return csv.Records().Select(r => csv.Header.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact]
    public void ColumnsAndLabelsAreThePromisedOnes()
    {
        var rows = Rows();
        Assert.True(rows.Count >= 1000, $"{rows.Count} rows");
        Assert.All(rows, r =>
        {
            Assert.Contains(r["stance"], new[] { "pro-government", "critical", "neutral" });
            Assert.Contains(r["sentiment"], new[] { "positive", "negative", "neutral" });
            Assert.Contains(r["kind"], new[] { "headline", "paragraph", "comment" });
            Assert.True(r["source"] == "authored" || Seeds.Contains(r["source"]), r["source"]);
            Assert.False(string.IsNullOrWhiteSpace(r["text"]));
            Assert.DoesNotContain('\n', r["text"]);
        });
        Assert.Equal(rows.Count, rows.Select(r => r["id"]).Distinct().Count());
    }

    [Fact]
    public void NoDuplicateTextsAndFewSharedOpenings()
    {
        var rows = Rows();
        var normalized = rows.Select(r => string.Join(' ', r["text"].ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal(normalized.Count, normalized.Distinct().Count());
        var six = rows.Select(r => string.Join(' ', Regex.Matches(r["text"].ToLowerInvariant(), @"\w+").Take(6).Select(m => m.Value))).ToList();
        var counts = six.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        int sharing = six.Count(s => counts[s] > 1);
        Assert.True(sharing <= rows.Count / 10, $"{sharing} rows share their first six words with another row");
    }

    [Fact]
    public void AuthoredRowsAreBalancedAcrossStancesWithVariedSentiment()
    {
        var authored = Rows().Where(r => r["source"] == "authored").ToList();
        Assert.True(authored.Count >= 900);
        foreach (var stance in new[] { "pro-government", "critical", "neutral" })
        {
            var of = authored.Where(r => r["stance"] == stance).ToList();
            Assert.True(of.Count >= authored.Count / 4, $"{stance}: {of.Count} of {authored.Count}");
            Assert.Equal(3, of.Select(r => r["sentiment"]).Distinct().Count());
        }
    }

    [Fact]
    public void EverySeedArticleContributesItsRealUnits()
    {
        var real = Rows().Where(r => r["source"] != "authored").ToList();
        foreach (var seed in Seeds) Assert.Contains(real, r => r["source"] == seed);
        Assert.Equal(11, real.Count(r => r["source"] == Seeds[1] && r["kind"] == "comment"));
        Assert.Equal(4, real.Count(r => r["kind"] == "headline"));
        Assert.InRange(real.Count, 70, 110);
        // Every real unit is text that stands in its seed (comments after joining wrapped lines).
        foreach (var r in real)
        {
            var page = Regex.Replace(File.ReadAllText(Path.Combine(Repo.Root, "seeds", r["source"])), @"\s+", " ");
            Assert.Contains(Regex.Replace(r["text"], @"\s+", " "), page);
        }
        // Boilerplate is not a unit.
        Assert.DoesNotContain(real, r => Regex.IsMatch(r["text"], @"Advertisement|^© |Follow us|^PREV |^NEXT |Comments are closed|thoughts on"));
    }
}

/// <summary>Finds the repository root (the folder holding Stance.sln) from the test's output folder.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d != null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Stance.sln"))) return d.FullName;
        throw new InvalidOperationException("Stance.sln not found above " + AppContext.BaseDirectory);
    }
}
