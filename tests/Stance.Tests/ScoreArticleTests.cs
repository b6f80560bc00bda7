using System.Text.Json;

namespace Stance.Tests;

/// <summary>A small two-head model, trained once by the Train CLI, for the scoring tests.</summary>
public sealed class TrainedModelFixture
{
    public string Dir { get; } = Cli.TempDir();
    public string Model => Path.Combine(Dir, "model.zip");

    public TrainedModelFixture()
    {
        var r = Cli.Train("--data", Cli.Fixture("small.csv"), "--model", Model, "--label-column", "stance", "--label-column", "sentiment",
            "--folds", "0", "--hash-bits", "16", "--lambda", "0.001");
        if (r.ExitCode != 0) throw new InvalidOperationException(r.Stderr);
    }
}

public class ScoreArticleTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    private static string Seed(string name) => Path.Combine(Repo.Root, "seeds", name);

    private List<JsonElement> Jsonl(params string[] args)
    {
        var r = Cli.Score(["--model", fixture.Model, "--format", "jsonl", .. args]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    [Fact]
    public void SeedsGiveTheRightUnitsAndOneArticleRecordEachAfterItsUnits()
    {
        var records = Jsonl(Path.Combine(Repo.Root, "seeds"));
        var articles = records.Where(r => r.GetProperty("kind").GetString() == "article").ToList();
        Assert.Equal(5, articles.Count);
        var units = records.Where(r => r.GetProperty("kind").GetString() != "article").ToList();
        int Count(string seed, string kind) => units.Count(u => u.GetProperty("source").GetString()!.EndsWith(seed) && u.GetProperty("kind").GetString() == kind);
        Assert.Equal(11, Count("001_c04d03022b7c74bc.txt", "comment"));
        Assert.Equal(1, Count("002_1dbb4ff3a3ca9094.txt", "headline"));
        Assert.Equal(14, Count("004_6d15cf6dee815b5a.txt", "paragraph"));
        Assert.DoesNotContain(units, u => System.Text.RegularExpressions.Regex.IsMatch(u.GetProperty("text").GetString()!,
            "Advertisement|^© |Follow us|^PREV|^NEXT|Comments are closed|thoughts on|^COMMENTS$|Please let us know"));
        // The wrapped comment of 001 is one unit.
        Assert.Single(units, u => u.GetProperty("text").GetString()!.StartsWith("What are the Russians and the Cuban sharing?")
            && u.GetProperty("text").GetString()!.EndsWith("before stop talking."));
        // Each article record comes right after the last unit of its article.
        for (int i = 0; i < records.Count; i++)
        {
            if (records[i].GetProperty("kind").GetString() != "article") continue;
            Assert.Equal(records[i].GetProperty("source").GetString(), records[i - 1].GetProperty("source").GetString());
            if (i + 1 < records.Count) Assert.NotEqual(records[i].GetProperty("source").GetString(), records[i + 1].GetProperty("source").GetString());
        }
        var a001 = articles.Single(a => a.GetProperty("source").GetString()!.EndsWith("001_c04d03022b7c74bc.txt"));
        Assert.Equal(10, a001.GetProperty("body").GetProperty("units").GetInt32());   // headline + 9 paragraphs; captions and byline not counted
        Assert.Equal(11, a001.GetProperty("comments").GetProperty("units").GetInt32());
        var stance = a001.GetProperty("comments").GetProperty("stance");
        Assert.Equal(2, stance.GetProperty("top_units").GetArrayLength());
        double sum = stance.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble());
        Assert.Equal(1.0, sum, 4);
        Assert.Equal(1.0, stance.GetProperty("shares").EnumerateObject().Sum(p => p.Value.GetDouble()), 4);
    }

    [Fact]
    public void ExplainAddsTheTopNgramsOfThePredictedClassInEveryFormat()
    {
        var records = Jsonl("--explain", "3", Seed("003_8684e471e390c72c.txt"));
        var unit = records.First(r => r.GetProperty("kind").GetString() == "paragraph");
        var explanation = unit.GetProperty("explain_stance");
        Assert.Equal(3, explanation.GetArrayLength());
        var weights = explanation.EnumerateArray().Select(e => e.GetProperty("weight").GetDouble()).ToList();
        Assert.True(weights.SequenceEqual(weights.OrderByDescending(w => w)) && weights.All(w => w > 0));
        var text = unit.GetProperty("text").GetString()!.ToLowerInvariant();
        foreach (var e in explanation.EnumerateArray())
        {
            var gram = e.GetProperty("ngram").GetString()!;
            Assert.True(text.Contains(gram.Replace("_", " ").Trim()) || text.Replace("’", "'").Contains(gram.Replace("_", "").Trim()), gram);
        }
        var csv = Cli.Score("--model", fixture.Model, "--format", "csv", "--explain", "2", Seed("003_8684e471e390c72c.txt"));
        Assert.Contains("explain_stance", csv.Stdout.Split('\n')[0]);
        var table = Cli.Score("--model", fixture.Model, "--format", "table", "--explain", "2", Seed("003_8684e471e390c72c.txt"));
        Assert.Contains("stance ← ", table.Stdout);
    }

    [Fact]
    public void CsvFormatCarriesArticleRowsAndTableShowsTheVerdictFirst()
    {
        var csv = Cli.Score("--model", fixture.Model, "--format", "csv", Seed("001_c04d03022b7c74bc.txt"));
        Assert.True(csv.ExitCode == 0, csv.Stderr);
        var lines = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,source,unit,kind,text,status,predicted_stance,", lines[0]);
        Assert.Contains(",article,", lines[^1]);
        Assert.Contains("comments_predicted_stance", lines[0]);
        var table = Cli.Score("--model", fixture.Model, "--format", "table", Seed("001_c04d03022b7c74bc.txt"));
        var t = table.Stdout;
        Assert.True(t.IndexOf("comments (11 units)") < t.IndexOf("001_c04d03022b7c74bc.txt:1 "), t);
    }

    [Fact]
    public void EveryInputRowGetsOneOutputRowEvenWhenItCannotBeScored()
    {
        var dir = Cli.TempDir();
        var input = Path.Combine(dir, "in.csv");
        File.WriteAllText(input, "id,text\na,Cuba will be free one day\nb,\nc,Abajo la dictadura que nos mata de hambre\n");
        var r = Cli.Score("--model", fixture.Model, "--format", "csv", input);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("b,", lines[2]);
        Assert.Contains(",empty text,", lines[2]);
        // A Spanish unit is not scored by the English model, and says why.
        Assert.StartsWith("c,", lines[3]);
        Assert.Contains(",language: es,", lines[3]);
        Assert.Contains("scored 1 units, not scored 2 (empty text: 1; language: es: 1)", r.Stderr);
        var any = Cli.Score("--model", fixture.Model, "--format", "csv", "--language", "any", input);
        Assert.Contains("scored 2 units, not scored 1 (empty text: 1)", any.Stderr);
    }

    [Fact]
    public void APageOfFurnitureOnlyIsNamedNotDroppedUnseen()
    {
        var dir = Cli.TempDir();
        var chrome = Path.Combine(dir, "chrome.txt");
        File.WriteAllText(chrome, "Home | News | Sports | Opinion\n\nShare: Facebook Twitter WhatsApp\n\nCopyright © 2027 Example Media. All rights reserved.\n");
        var r = Cli.Score("--model", fixture.Model, "--format", "csv", chrome, Seed("003_8684e471e390c72c.txt"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.DoesNotContain("chrome.txt", r.Stdout);
        Assert.Contains("; 1 page(s) with no text units, every line read as page furniture: " + chrome, r.Stderr);
        var seedOnly = Cli.Score("--model", fixture.Model, "--format", "csv", Seed("003_8684e471e390c72c.txt"));
        Assert.DoesNotContain("page furniture", seedOnly.Stderr);
    }

    [Fact]
    public void StdinJsonlInJsonlOutKeepsOrderAndIdsLikeAStreamingMapper()
    {
        var lines = string.Join("\n", Enumerable.Range(0, 1500).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"text number {i} about the blockade\"}}"));
        var r = Cli.Run("Stance.Score.dll", ["--model", fixture.Model, "--format", "jsonl", "-"], lines + "\n");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var outIds = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 1500).Select(i => $"d{i}"), outIds);
        var bad = Cli.Run("Stance.Score.dll", ["--model", fixture.Model, "--format", "jsonl", "-"], "{\"text\":\"ok\"}\n{\"body\":\"no text\"}\n");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("stdin, line 2", bad.Stderr);
    }
}
