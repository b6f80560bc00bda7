using System.Globalization;
using System.Text.Json.Nodes;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Modeling;
using Stance.Core.Common;

namespace Stance.Tests;

/// <summary>A label is always the most probable class of the probabilities shown beside it, on every path.</summary>
public class DecisionTests
{
    /// <summary>small.csv with only the first 6 of its 30 pro-government rows: a rare class.</summary>
    private static readonly string Imbalanced = WriteImbalanced();

    private static string WriteImbalanced()
    {
        var lines = File.ReadAllLines(Cli.Fixture("small.csv"));
        int kept = 0;
        var rows = lines.Skip(1).Where(l => !l.Contains(",pro-government,") || kept++ < 6);
        var path = Path.Combine(Cli.TempDir(), "imbalanced.csv");
        File.WriteAllLines(path, rows.Prepend(lines[0]));
        return path;
    }

    private static int ArgMax(IReadOnlyList<double> p) => Enumerable.Range(0, p.Count).Aggregate((x, y) => p[y] > p[x] ? y : x);

    [Fact]
    public void AHeadPicksTheMostProbableClass()
    {
        var head = new TrainedHead(TrainerKind.Linear, 3, null, null, null);
        Assert.Equal(0, head.Decide([0.6, 0.3, 0.1]));
        Assert.Equal(2, head.Decide([0.264, 0.291, 0.445]));
    }

    [Fact]
    public void CrossValidationPredictsTheMostProbableClassOfEachRow()
    {
        var data = LabeledData.Load(Imbalanced, "text", ["stance"]);
        var options = new TrainOptions
        {
            Folds = 3, Featurizer = new FeaturizerOptions { HashBits = 14 },
            Trainer = new TrainerOptions { Trainer = TrainerKind.Linear, Linear = new() { Lambda = 1e-3, BalanceClasses = true } },
        };
        var cv = new ModelTrainer(options).Train(data).Cv[0];
        for (int i = 0; i < cv.Rows.Length; i++) Assert.Equal(ArgMax(cv.Probabilities[i]), cv.Predicted[i]);
    }

    [Fact]
    public void AnOldBalancedModelLoadsDecidesByArgMaxAndSaysSo()
    {
        var model = new ModelTrainer(new TrainOptions { Folds = 0, Featurizer = new() { HashBits = 14 }, Trainer = new() { Trainer = TrainerKind.Linear, Linear = new() { Lambda = 1e-3 } } })
            .Train(LabeledData.Load(Imbalanced, "text", ["stance"])).Model;
        using var ms = new MemoryStream();
        ModelFile.Write(model, ms);
        Assert.Empty(ModelFile.Read(new MemoryStream(ms.ToArray()), "new").LoadNotes);
        // What an earlier version wrote for its balanced rule.
        var old = ModelBytes.Edit(ms.ToArray(), m => m["heads"]![0]!["classPriors"] = new JsonArray(0.6, 0.3, 0.1));
        var loaded = ModelFile.Read(new MemoryStream(old), "old.zip");
        Assert.Contains("most probable class", Assert.Single(loaded.LoadNotes));
        var p = loaded.Predict("The regime cannot even keep the lights on.", loaded.NewCounter());
        Assert.Equal(ArgMax(p[0]), loaded.Heads[0].Head.Decide(p[0]));
        Assert.Contains("invalid class priors", ModelBytes.Rejected(ModelBytes.Edit(ms.ToArray(), m => m["heads"]![0]!["classPriors"] = new JsonArray(0.5, 0.5))).Message);
    }

    [Fact]
    public void ScoreLabelsEveryUnitWithItsMostProbableClassInEveryFormat()
    {
        var dir = Cli.TempDir();
        string model = Path.Combine(dir, "m.zip");
        var trained = Cli.Train("--data", Imbalanced, "--model", model, "--folds", "0", "--trainer", "linear", "--hash-bits", "14", "--label-column", "stance", "--label-column", "sentiment");
        Assert.Equal(0, trained.ExitCode);
        string[] stance = ["critical", "neutral", "pro-government"], sentiment = ["negative", "neutral", "positive"];
        string csvOut = Path.Combine(dir, "out.csv");
        Assert.Equal(0, Cli.Score("--model", model, "--format", "csv", "--out", csvOut, Imbalanced).ExitCode);
        using (var csv = new CsvHelper.CsvReader(new StreamReader(csvOut), CultureInfo.InvariantCulture))
        {
            int rows = 0;
            foreach (var row in csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>())
            {
                foreach (var (label, classes) in new[] { ("stance", stance), ("sentiment", sentiment) })
                {
                    var probs = classes.Select(c => double.Parse((string)row[$"p_{label}_{c}"], CultureInfo.InvariantCulture)).ToArray();
                    Assert.Equal(classes[ArgMax(probs)], (string)row[$"predicted_{label}"]);
                }
                rows++;
            }
            Assert.Equal(66, rows);
        }
        string jsonOut = Path.Combine(dir, "out.jsonl");
        Assert.Equal(0, Cli.Score("--model", model, "--format", "jsonl", "--out", jsonOut, Imbalanced).ExitCode);
        foreach (var line in File.ReadLines(jsonOut))
        {
            var o = JsonNode.Parse(line)!.AsObject();
            var probs = stance.Select(c => o[$"p_stance_{c}"]!.GetValue<double>()).ToArray();
            Assert.Equal(stance[ArgMax(probs)], o["predicted_stance"]!.GetValue<string>());
        }
        // The option of the old rule is gone: a clear one-line refusal.
        var bad = Cli.Train("--data", Imbalanced, "--model", Path.Combine(dir, "bad.zip"), "--decision", "balanced");
        Assert.Equal(2, bad.ExitCode);
        Assert.Single(bad.Stderr.Trim().Split('\n'));
        Assert.False(File.Exists(Path.Combine(dir, "bad.zip")));
    }
}
