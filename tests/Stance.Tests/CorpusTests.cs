using System.Text.RegularExpressions;
using Stance.Core.Common;

namespace Stance.Tests;

/// <summary>The promises data/README.md makes about data/stance.csv (real units) and data/authored.csv.</summary>
public class CorpusTests
{
    private static readonly string[] Seeds =
        ["000_11b79d241aec9981.txt", "001_c04d03022b7c74bc.txt", "002_1dbb4ff3a3ca9094.txt", "003_8684e471e390c72c.txt", "004_6d15cf6dee815b5a.txt"];
    private static readonly string[] Columns = ["id", "source", "url", "outlet", "date", "kind", "text", "stance", "sentiment"];

    private static List<Dictionary<string, string>> Rows(string file = "stance.csv")
    {
        using var csv = CsvSource.Open(Path.Combine(Repo.Root, "data", file));
        Assert.Equal(Columns, csv.Header);
        return csv.Records().Select(r => csv.Header.Zip(r.Fields).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static List<Dictionary<string, string>> Grounded() => Rows().Where(r => r["source"] == "grounded").ToList();

    [Fact]
    public void ColumnsAndLabelsAreThePromisedOnes()
    {
        var rows = Rows();
        var authored = Rows("authored.csv");
        Assert.All(rows.Concat(authored), r =>
        {
            Assert.Contains(r["stance"], new[] { "pro-government", "critical", "neutral" });
            Assert.Contains(r["sentiment"], new[] { "positive", "negative", "neutral" });
            Assert.Contains(r["kind"], new[] { "headline", "paragraph", "comment" });
            Assert.False(string.IsNullOrWhiteSpace(r["text"]));
            Assert.DoesNotContain('\n', r["text"]);
        });
        Assert.All(rows, r => Assert.True(r["source"] == "grounded" || Seeds.Contains(r["source"]), r["source"]));
        Assert.All(authored, r => Assert.Equal("authored", r["source"]));
        var ids = rows.Concat(authored).Select(r => r["id"]).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void GroundedRowsNameARealPageThatIsNotHeldOut()
    {
        static string Norm(string u) => Regex.Replace(Regex.Replace(u.Trim().ToLowerInvariant(), "^https?://", ""), "^www\\.", "").TrimEnd('/');
        // The page's address without its query: "site/?p=123" or "site/?cat=24&paged=2" is served at a held-out "site/".
        static string Page(string u) => Norm(Regex.Replace(u.Trim(), "[?#].*$", ""));
        // The list kept aside by the team (../shared), and the copy the repository carries for a clean clone.
        var lists = new[] { Path.Combine(Repo.Root, "..", "shared", "holdout_urls.txt"), Cli.Fixture("holdout_urls.txt") }.Where(File.Exists).ToList();
        Assert.NotEmpty(lists);
        var heldOut = lists.SelectMany(File.ReadLines).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Select(Norm).ToHashSet();
        Assert.True(heldOut.Count >= 50);
        var grounded = Grounded();
        Assert.All(grounded, r =>
        {
            Assert.Matches("^https?://[^/ ]+\\.[^/ ]+", r["url"]);
            Assert.False(string.IsNullOrWhiteSpace(r["outlet"]), r["id"]);
            Assert.DoesNotContain(Norm(r["url"]), heldOut);
            Assert.DoesNotContain(Page(r["url"]), heldOut);
        });
    }

    /// <summary>
    /// The real-text yardstick measures the model on sites the corpus never used, and the verbatim dev set chooses settings
    /// on such sites: no grounded row may come from a site (host, "www." dropped) of their pages, listed in docs/benchmarks.md
    /// ("Yardstick URLs", then "Dev-set URLs").
    /// </summary>
    [Fact]
    public void GroundedRowsComeFromNoSiteOfTheYardstick()
    {
        static string Host(string u) => Regex.Replace(new Uri(u.Trim()).Host.ToLowerInvariant(), "^www\\.", "");
        var docs = File.ReadAllText(Path.Combine(Repo.Root, "docs", "benchmarks.md"));
        var section = docs[docs.IndexOf("## Yardstick URLs", StringComparison.Ordinal)..];
        var yardstick = Regex.Matches(section, @"^- (https?://\S+)", RegexOptions.Multiline).Select(m => Host(m.Groups[1].Value)).ToHashSet();
        Assert.True(yardstick.Count >= 50, $"{yardstick.Count} yardstick sites");
        Assert.All(Grounded(), r => Assert.DoesNotContain(Host(r["url"]), yardstick));
    }

    [Fact]
    public void GroundedRowsSpreadOverOutletsStancesAndKinds()
    {
        var grounded = Grounded();
        Assert.True(grounded.Count >= 1500, $"{grounded.Count} grounded rows");
        var outlets = grounded.GroupBy(r => r["outlet"]).ToList();
        Assert.True(outlets.Count >= 60, $"{outlets.Count} outlets");
        var largest = outlets.MaxBy(g => g.Count())!;
        Assert.True(largest.Count() <= grounded.Count / 10, $"{largest.Key}: {largest.Count()} of {grounded.Count}");
        foreach (var stance in new[] { "pro-government", "critical", "neutral" })
            Assert.True(grounded.Count(r => r["stance"] == stance) >= 300, stance);
        Assert.True(grounded.Count(r => r["kind"] == "comment") >= 200);
    }

    [Fact]
    public void NoDuplicateOrNearDuplicateTexts()
    {
        var rows = Rows().Concat(Rows("authored.csv")).ToList();
        var words = rows.Select(r => Regex.Matches(r["text"].ToLowerInvariant(), @"\w+").Select(m => m.Value).ToArray()).ToList();
        var normalized = words.Select(w => string.Join(' ', w)).ToList();
        Assert.Equal(normalized.Count, normalized.Distinct().Count());
        // Near duplicates: two texts sharing most of their word 4-grams (Jaccard ≥ 0.6), found through an index of 4-grams.
        var shingles = words.Select(w => Enumerable.Range(0, Math.Max(0, w.Length - 3)).Select(i => string.Join(' ', w, i, 4)).ToHashSet()).ToList();
        var index = new Dictionary<string, List<int>>();
        for (int i = 0; i < shingles.Count; i++)
            foreach (var s in shingles[i]) (index.TryGetValue(s, out var l) ? l : index[s] = []).Add(i);
        var near = new List<string>();
        for (int i = 0; i < shingles.Count; i++)
        {
            var shared = new Dictionary<int, int>();
            foreach (var s in shingles[i])
                foreach (int j in index[s]) if (j > i) shared[j] = shared.GetValueOrDefault(j) + 1;
            foreach (var (j, n) in shared)
                if (n >= 0.6 * (shingles[i].Count + shingles[j].Count - n)) near.Add($"{rows[i]["id"]} ~ {rows[j]["id"]}");
        }
        Assert.True(near.Count == 0, string.Join(", ", near));
    }

    [Fact]
    public void AuthoredRowsAreBalancedAcrossStancesWithVariedSentiment()
    {
        var authored = Rows("authored.csv");
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
        var real = Rows().Where(r => Seeds.Contains(r["source"])).ToList();
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
