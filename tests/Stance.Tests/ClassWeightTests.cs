using System.IO.Compression;
using Stance.Core.Common;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Modeling;

namespace Stance.Tests;

/// <summary>Train's --class-weight: parsing and matching to the heads, its effect on every fit, and the manifest.</summary>
public class ClassWeightTests
{
    private static readonly LabeledData Small = LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance", "sentiment"]);
    /// <summary>The fixture's first 60 rows, to train on; its last 30 texts are unseen by such a model.</summary>
    private static readonly LabeledData First60 = FirstRows(60);
    private static readonly IReadOnlyList<string> Last30 = Small.Texts.Skip(60).ToList();

    private static LabeledData FirstRows(int rows)
    {
        var path = Path.Combine(Cli.TempDir(), "first.csv");
        var lines = File.ReadAllLines(Cli.Fixture("small.csv"));
        File.WriteAllLines(path, lines.Take(rows + 1));
        return LabeledData.Load(path, "text", ["stance", "sentiment"]);
    }
    private static readonly ClassWeightFactor[] NeutralTimesThree = [new(null, "neutral", 3)];

    private static TrainOptions Options(string trainer, IReadOnlyList<ClassWeightFactor> factors, int folds = 0, bool balance = true, int? holdoutRows = null) => new()
    {
        Folds = folds,
        Featurizer = new FeaturizerOptions { HashBits = 14 },
        Trainer = new TrainerOptions
        {
            Trainer = TrainerKinds.Parse(trainer),
            // A holdout at 30 rows makes the large-data λ walk run on the small set (λ not given).
            Linear = holdoutRows is { } h ? new() { BalanceClasses = balance, HoldoutRows = h } : new() { Lambda = 1e-3, BalanceClasses = balance },
            Trees = new() { NumberOfTrees = 30, MinimumExampleCountPerLeaf = 5 },
        },
        ClassWeightFactors = factors,
    };

    /// <summary>The mean probability of class <paramref name="k"/> of head 0 over texts the model has not seen.</summary>
    private static double MeanProbability(StanceModel model, int k)
    {
        var counter = model.NewCounter();
        return Last30.Average(t => model.Predict(t, counter)[0][k]);
    }

    [Theory]
    [InlineData("linear", true, false)]
    [InlineData("linear", false, false)]
    [InlineData("linear", true, true)]
    [InlineData("nb-linear", true, false)]
    [InlineData("lightgbm", true, false)]
    [InlineData("lightgbm", false, false)]
    [InlineData("ensemble", true, false)]
    public void AFactorAboveOneRaisesTheClassesProbabilityWithOrWithoutBalancing(string trainer, bool balance, bool holdout)
    {
        int? holdoutRows = holdout ? 30 : null;
        var plain = new ModelTrainer(Options(trainer, [], balance: balance, holdoutRows: holdoutRows)).Train(First60).Model;
        var weighted = new ModelTrainer(Options(trainer, NeutralTimesThree, balance: balance, holdoutRows: holdoutRows)).Train(First60).Model;
        int neutral = Array.IndexOf(plain.Heads[0].Classes.ToArray(), "neutral");
        Assert.True(MeanProbability(weighted, neutral) > MeanProbability(plain, neutral) + 0.02,
            $"mean p(neutral) {MeanProbability(weighted, neutral):F4} with neutral=3 against {MeanProbability(plain, neutral):F4} without");
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("lightgbm")]
    public void AFactorOfOneGivesTheSameProbabilitiesAsNone(string trainer)
    {
        var plain = new ModelTrainer(Options(trainer, [])).Train(Small).Model;
        var one = new ModelTrainer(Options(trainer, [new("stance", "neutral", 1)])).Train(Small).Model;
        var (a, b) = (plain.NewCounter(), one.NewCounter());
        foreach (var text in Small.Texts)
            Assert.Equal(plain.Predict(text, a), one.Predict(text, b));
    }

    [Theory]
    [InlineData("linear")]
    [InlineData("lightgbm")]
    public void TheFactorReachesTheCrossValidationFoldsOfItsHeadOnly(string trainer)
    {
        var plain = new ModelTrainer(Options(trainer, [], folds: 3)).Train(Small).Cv;
        var weighted = new ModelTrainer(Options(trainer, [new("stance", "neutral", 3)], folds: 3)).Train(Small).Cv;
        int neutral = Array.IndexOf(plain[0].Classes.ToArray(), "neutral");
        double Mean(CrossValidationResult r) => r.Probabilities.Average(p => p[neutral]);
        Assert.True(Mean(weighted[0]) > Mean(plain[0]) + 0.01, $"out-of-fold mean p(neutral) {Mean(weighted[0]):F4} against {Mean(plain[0]):F4}");
        Assert.Equal(plain[1].Probabilities, weighted[1].Probabilities);   // sentiment: no factor given for it
    }

    [Fact]
    public void ALabelAppliesToEveryHeadWithThatClassAndAHeadNamesOne()
    {
        (string, string[])[] heads = [("stance", ["critical", "neutral", "pro-government"]), ("sentiment", ["negative", "neutral", "positive"])];
        var resolved = ClassWeightFactors.Resolve([new(null, "neutral", 2), new("sentiment", "positive", 0.5)], heads);
        Assert.Equal([new("stance", "neutral", 2), new("sentiment", "neutral", 2), new("sentiment", "positive", 0.5)], resolved);
        Assert.Equal([1, 2, 1], ClassWeightFactors.PerClass(resolved, "stance", heads[0].Item2)!);
        Assert.Equal([1, 2, 0.5], ClassWeightFactors.PerClass(resolved, "sentiment", heads[1].Item2)!);
        Assert.Null(ClassWeightFactors.PerClass(ClassWeightFactors.Resolve([new("sentiment", "neutral", 2)], heads), "stance", heads[0].Item2));
        Assert.Equal("stance: neutral ×2; sentiment: neutral ×2, positive ×0.5", ClassWeightFactors.Summary(resolved));
        Assert.Throws<InputException>(() => ClassWeightFactors.Resolve([new(null, "neutral", 2), new("stance", "neutral", 3)], heads));
    }

    [Fact]
    public void TheManifestRecordsTheFactorsAndTheModelRoundTrips()
    {
        var model = new ModelTrainer(Options("linear", NeutralTimesThree)).Train(Small).Model;
        using var ms = new MemoryStream();
        ModelFile.Write(model, ms);
        string manifest = ManifestText(ms.ToArray()).ReplaceLineEndings("\n");
        Assert.Contains("\"classWeightFactors\": [", manifest);
        Assert.Contains("\"head\": \"sentiment\",\n        \"label\": \"neutral\",\n        \"factor\": 3", manifest);
        var loaded = ModelFile.Read(new MemoryStream(ms.ToArray()), "mem");
        Assert.Equal([new("stance", "neutral", 3), new("sentiment", "neutral", 3)], loaded.Info.ClassWeightFactors);
        var (a, b) = (model.NewCounter(), loaded.NewCounter());
        foreach (var text in Small.Texts.Take(20)) Assert.Equal(model.Predict(text, a), loaded.Predict(text, b));

        // Without factors the manifest has no such field (older models' bytes), and loads with none.
        using var plain = new MemoryStream();
        ModelFile.Write(new ModelTrainer(Options("linear", [])).Train(Small).Model, plain);
        Assert.DoesNotContain("classWeightFactors", ManifestText(plain.ToArray()));
        Assert.Empty(ModelFile.Read(new MemoryStream(plain.ToArray()), "mem").Info.ClassWeightFactors);
    }

    private static string ManifestText(byte[] modelZip)
    {
        using var zip = new ZipArchive(new MemoryStream(modelZip));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return reader.ReadToEnd();
    }

    [Theory]
    [InlineData("neutral", "expected LABEL=FACTOR or HEAD:LABEL=FACTOR")]
    [InlineData("neutral=0", "expected LABEL=FACTOR or HEAD:LABEL=FACTOR")]
    [InlineData("stance:neutral=abc", "expected LABEL=FACTOR or HEAD:LABEL=FACTOR")]
    [InlineData(":neutral=2", "expected LABEL=FACTOR or HEAD:LABEL=FACTOR")]
    [InlineData("undecided=2", "no label column has a class \"undecided\"")]
    [InlineData("tone:neutral=2", "no label column \"tone\"")]
    [InlineData("sentiment:critical=2", "column \"sentiment\" has no class \"critical\"")]
    public void ABadOrUnknownClassWeightExitsTwoWithOneLineAndWritesNoModel(string value, string message)
    {
        var dir = Cli.TempDir();
        var model = Path.Combine(dir, "m.zip");
        var r = Cli.Train("--data", Cli.Fixture("small.csv"), "--model", model, "--label-column", "stance", "--label-column", "sentiment",
            "--folds", "0", "--features", "ngrams", "--hash-bits", "12", "--class-weight", value);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"--class-weight", r.Stderr);
        Assert.Contains(message, r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void TheSameClassTwiceExitsTwoAndTrainPrintsTheFactorsPerHead()
    {
        var dir = Cli.TempDir();
        var model = Path.Combine(dir, "m.zip");
        string[] common = ["--data", Cli.Fixture("small.csv"), "--model", model, "--label-column", "stance", "--label-column", "sentiment",
            "--folds", "0", "--features", "ngrams", "--hash-bits", "12", "--class-weight", "neutral=2"];
        var twice = Cli.Train([.. common, "--class-weight", "stance:neutral=3"]);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("class \"neutral\" of column \"stance\" already has a factor", twice.Stderr);
        Assert.False(File.Exists(model));
        var ok = Cli.Train([.. common, "--class-weight", "sentiment:negative=0.5"]);
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.Contains("class weight factors: stance: neutral ×2; sentiment: negative ×0.5, neutral ×2", ok.Stdout);
        Assert.Contains("--class-weight", Cli.Train("--help").Stdout);
    }
}
