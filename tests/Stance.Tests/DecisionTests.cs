using System.Globalization;
using System.Text.Json.Nodes;
using Stance.Core.Data;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Modeling;

namespace Stance.Tests;

/// <summary>The balanced decision rule (arg-max of p_k / π_k) and the arg-max rule, from training to the model file to scoring.</summary>
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

    private static TrainOptions Options(string decision, int folds = 3) => new()
    {
        Folds = folds,
        Featurizer = new FeaturizerOptions { HashBits = 14 },
        Trainer = new TrainerOptions { Trainer = "linear", Decision = decision, Linear = new() { Lambda = 1e-3 } },
    };

    [Fact]
    public void TheBalancedRuleDividesByThePriorsAndArgMaxIgnoresThem()
    {
        var head = new TrainedHead("linear", 3, null, null, null);
        double[] p = [0.6, 0.3, 0.1];
        Assert.Equal(0, head.Decide(p));
        // p / π = 0.75, 3, 1: the rare middle class wins.
        Assert.Equal(1, (head with { ClassPriors = [0.8, 0.1, 0.1] }).Decide(p));
        // Equal priors change nothing.
        Assert.Equal(0, (head with { ClassPriors = [1 / 3.0, 1 / 3.0, 1 / 3.0] }).Decide(p));
    }

    [Fact]
    public void PriorsAreLaplaceSmoothedTrainingFrequencies()
    {
        Assert.Equal([4 / 7.0, 2 / 7.0, 1 / 7.0], TrainedHead.PriorsOf([0, 0, 0, 1], 3));
        Assert.Equal(1.0, TrainedHead.PriorsOf([2, 2, 1, 0, 2], 4).Sum(), 12);
    }

    [Fact]
    public void CrossValidationDecidesEachRowByItsFoldsPriorsWithoutChangingTheFit()
    {
        var data = LabeledData.Load(Imbalanced, "text", ["stance"]);
        var balanced = new ModelTrainer(Options(TrainerOptions.BalancedDecision)).Train(data);
        var argmax = new ModelTrainer(Options(TrainerOptions.ArgMaxDecision)).Train(data);
        var b = balanced.Cv[0];
        var a = argmax.Cv[0];
        Assert.Equal(a.Probabilities, b.Probabilities);

        int rare = Array.IndexOf(b.Classes.ToArray(), "pro-government");
        int rareBalanced = 0, rareArgMax = 0;
        foreach (var (train, test) in b.Folds)
        {
            var priors = TrainedHead.PriorsOf(train.Select(r => Array.IndexOf(b.Classes.ToArray(), data.Labels[0][r])).ToArray(), b.Classes.Count);
            foreach (int row in test)
            {
                int at = Array.BinarySearch(b.Rows, row);
                var p = b.Probabilities[at];
                int expected = Enumerable.Range(0, p.Length).Aggregate((x, y) => p[y] / priors[y] > p[x] / priors[x] ? y : x);
                Assert.Equal(expected, b.Predicted[at]);
                Assert.Equal(Enumerable.Range(0, p.Length).Aggregate((x, y) => p[y] > p[x] ? y : x), a.Predicted[at]);
                if (b.Predicted[at] == rare) rareBalanced++;
                if (a.Predicted[at] == rare) rareArgMax++;
            }
        }
        // The rarest class has the smallest prior, so every row arg-max gives it keeps it under the balanced rule.
        Assert.True(rareBalanced >= rareArgMax, $"{rareBalanced} < {rareArgMax}");
        Assert.NotNull(balanced.Model.Heads[0].Head.ClassPriors);
        Assert.Null(argmax.Model.Heads[0].Head.ClassPriors);
    }

    [Fact]
    public void ThePriorsRoundTripThroughTheModelFileAndAVersion1ManifestDecidesByArgMax()
    {
        var model = new ModelTrainer(Options(TrainerOptions.BalancedDecision, folds: 0)).Train(LabeledData.Load(Imbalanced, "text", ["stance"])).Model;
        using var ms = new MemoryStream();
        ModelFile.Write(model, ms);
        var loaded = ModelFile.Read(new MemoryStream(ms.ToArray()), "mem");
        Assert.Equal(model.Heads[0].Head.ClassPriors, loaded.Heads[0].Head.ClassPriors);

        var version1 = ModelBytes.Edit(ms.ToArray(), m => { m["formatVersion"] = 1; m["heads"]![0]!.AsObject().Remove("classPriors"); });
        Assert.Null(ModelFile.Read(new MemoryStream(version1), "v1").Heads[0].Head.ClassPriors);

        foreach (var (edit, why) in new (Action<JsonObject>, string)[]
        {
            (m => m["heads"]![0]!["classPriors"] = new JsonArray(0.5, 0.5), "2 values for 3 classes"),
            (m => m["heads"]![0]!["classPriors"] = new JsonArray(0.5, 0.5, 0.0), "a zero prior"),
            (m => m["heads"]![0]!["classPriors"] = new JsonArray(0.5, 0.4, 0.4), "a sum above 1"),
        })
            Assert.Contains("invalid class priors", ModelBytes.Rejected(ModelBytes.Edit(ms.ToArray(), edit)).Message + " (" + why + ")");
    }

    [Fact]
    public void ScoreLabelsEachTextByTheModelsRuleAndTrainRefusesAnUnknownRule()
    {
        var dir = Cli.TempDir();
        string model = Path.Combine(dir, "m.zip"), output = Path.Combine(dir, "out.csv");
        var trained = Cli.Train("--data", Imbalanced, "--model", model, "--folds", "0", "--trainer", "linear", "--hash-bits", "14");
        Assert.Equal(0, trained.ExitCode);
        Assert.Contains("decision: balanced", trained.Stdout);
        var priors = ModelFile.Load(model).Heads[0].Head.ClassPriors!;
        Assert.Equal(0, Cli.Score("--model", model, "--format", "csv", "--out", output, Imbalanced).ExitCode);
        using (var csv = new CsvHelper.CsvReader(new StreamReader(output), CultureInfo.InvariantCulture))
        {
            string[] classes = ["critical", "neutral", "pro-government"];
            int rows = 0;
            foreach (var row in csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>())
            {
                var probs = classes.Select(c => double.Parse((string)row[$"p_stance_{c}"], CultureInfo.InvariantCulture)).ToArray();
                int expected = Enumerable.Range(0, 3).Aggregate((x, y) => probs[y] / priors[y] > probs[x] / priors[x] ? y : x);
                Assert.Equal(classes[expected], (string)row["predicted_stance"]);
                rows++;
            }
            Assert.Equal(66, rows);
        }

        var bad = Cli.Train("--data", Imbalanced, "--model", Path.Combine(dir, "bad.zip"), "--decision", "likely");
        Assert.Equal(2, bad.ExitCode);
        Assert.Single(bad.Stderr.Trim().Split('\n'));
        Assert.Contains("likely", bad.Stderr);
        Assert.False(File.Exists(Path.Combine(dir, "bad.zip")));
    }
}
