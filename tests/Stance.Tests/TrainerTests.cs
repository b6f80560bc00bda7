using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Trees;
using Stance.Core.Modeling;
using Stance.Core.Common;

namespace Stance.Tests;

public class TrainerTests
{
    private static readonly LabeledData Small = LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance"]);

    private static TrainOptions Options(string trainer) => new()
    {
        Folds = 0,
        Featurizer = new FeaturizerOptions { HashBits = 14 },
        Trainer = new TrainerOptions { Trainer = TrainerKinds.Parse(trainer), Linear = new() { Lambda = 1e-3 }, Trees = new() { NumberOfTrees = 30, MinimumExampleCountPerLeaf = 5 } },
    };

    [Theory]
    [InlineData("linear")]
    [InlineData("fasttree")]
    [InlineData("lightgbm")]
    [InlineData("ensemble")]
    public void EveryTrainerSavesAndLoadsToIdenticalProbabilitiesThatSumToOne(string trainer)
    {
        var model = new ModelTrainer(Options(trainer)).Train(Small).Model;
        Assert.Equal(trainer, model.Heads[0].Head.Trainer.Name());
        using var ms = new MemoryStream();
        ModelFile.Write(model, ms);
        var loaded = ModelFile.Read(new MemoryStream(ms.ToArray()), "mem");
        var a = model.NewCounter();
        var b = loaded.NewCounter();
        foreach (var text in Small.Texts.Take(30).Append("¿Y la libreta? Nunca más!!"))
        {
            var p = model.Predict(text, a)[0];
            Assert.Equal(p, loaded.Predict(text, b)[0]);
            Assert.Equal(1.0, p.Sum(), 9);
        }
        // Same data and seed: the same bytes.
        using var again = new MemoryStream();
        ModelFile.Write(new ModelTrainer(Options(trainer)).Train(Small).Model, again);
        Assert.Equal(ms.ToArray(), again.ToArray());
    }

    [Fact]
    public void AutoPicksTheCandidateWithTheBestInnerCvScoreReportsAllFiveAndIsReproducibleWithASeed()
    {
        var trainer = new ModelTrainer(Options("auto"));
        var model = trainer.Train(Small).Model;
        var candidates = trainer.Candidates[0];
        Assert.Equal(["linear", "nb-linear", "fasttree", "lightgbm", "ensemble"], candidates.Select(c => c.Trainer.Name()));
        Assert.All(candidates, c => Assert.InRange(c.MacroF1, 0.0, 1.0));
        var best = candidates.Aggregate((x, y) => y.MacroF1 > x.MacroF1 + 1e-12 ? y : x);
        Assert.Equal(best.Trainer, model.Heads[0].Head.FittedBy);
        Assert.Equal(CandidateScore.Summary(candidates), $"linear {candidates[0].MacroF1:F4}, nb-linear {candidates[1].MacroF1:F4}, fasttree {candidates[2].MacroF1:F4}, lightgbm {candidates[3].MacroF1:F4}, ensemble {candidates[4].MacroF1:F4}");

        var again = new ModelTrainer(Options("auto"));
        var model2 = again.Train(Small).Model;
        Assert.Equal(candidates, again.Candidates[0]);
        var (a, b) = (model.NewCounter(), model2.NewCounter());
        foreach (var text in Small.Texts.Take(10)) Assert.Equal(model.Predict(text, a)[0], model2.Predict(text, b)[0]);
    }

    [Fact]
    public void TheTreeTrainersFitAnXorThatNoLinearModelCan()
    {
        // Class 1 when exactly one of two features is high: no straight line separates it.
        var rng = new Random(3);
        var rows = new List<float[]>();
        var y = new List<int>();
        for (int i = 0; i < 400; i++)
        {
            float u = (float)rng.NextDouble(), v = (float)rng.NextDouble();
            rows.Add([u, v]);
            y.Add((u > 0.5) != (v > 0.5) ? 1 : 0);
        }
        var labels = y.ToArray();
        foreach (var learner in new[] { TreeLearner.FastTree, TreeLearner.LightGbm })
        {
            var trees = TreeTrainer.Fit(learner, rows, labels, 2, null, new TreeOptions(), 1);
            var p = new double[2];
            int right = rows.Count(r => { trees.PredictProbabilities(r, p); return (p[1] > p[0] ? 1 : 0) == labels[rows.IndexOf(r)]; });
            Assert.True(right >= 0.95 * rows.Count, $"{learner}: {right} of {rows.Count}");
        }
        var x = SparseMatrix.FromRows(rows.Select(r => (new[] { 0, 1 }, r)).ToArray(), 2);
        var linear = new Stance.Core.Learning.Linear.LogisticRegressionTrainer(new() { Lambda = 1e-4 }).Fit(x, labels, 2);
        var q = new double[2];
        int linearRight = Enumerable.Range(0, rows.Count).Count(i => { linear.Predict([0, 1], rows[i], q); return (q[1] > q[0] ? 1 : 0) == labels[i]; });
        Assert.True(linearRight < 0.75 * rows.Count, $"linear: {linearRight} of {rows.Count}");
    }

    [Fact]
    public void WithoutAGivenLambdaEveryTrainerUsesTheSizeRuleAndSearchesOnlyWhenAsked()
    {
        TrainOptions NoLambda(string trainer, bool search) => Options(trainer) with
        {
            Trainer = Options(trainer).Trainer with { Linear = new() { LambdaGrid = [1e-1, 1e-2], SearchLambda = search } },
        };
        double rule = Stance.Core.Learning.Linear.LogisticRegressionOptions.DefaultLambda(Small.Count);
        Assert.DoesNotContain(rule, new[] { 1e-1, 1e-2 });
        foreach (var trainer in new[] { "linear", "nb-linear", "ensemble" })
        {
            Assert.Equal(rule, new ModelTrainer(NoLambda(trainer, search: false)).Train(Small).Model.Heads[0].Head.Linear!.Lambda, 12);
            Assert.Contains(new ModelTrainer(NoLambda(trainer, search: true)).Train(Small).Model.Heads[0].Head.Linear!.Lambda, new[] { 1e-1, 1e-2 });
        }
    }

    [Fact]
    public void TextStatisticsCountWhatTheyNameAndLearnLoadedWordsPerClass()
    {
        var stats = TextStatistics.Fit(
            ["the regime lies", "the regime jails", "regime regime", "glorious revolution", "glorious heroic people", "revolution lives glorious", "rain today", "rain tomorrow", "rain again"],
            [0, 0, 0, 1, 1, 1, 2, 2, 2], 3);
        Assert.Contains("regime", stats.LoadedWords[0]);
        Assert.Contains("glorious", stats.LoadedWords[1]);
        Assert.DoesNotContain("regime", stats.LoadedWords[1]);
        var row = new float[stats.Count];
        stats.Compute("You don't know? The REGIME! \"Really\"", row);
        Assert.Equal(6, row[1]);              // words: you don't know the regime really
        Assert.Equal(1, row[3]);              // one question mark
        Assert.Equal(1, row[4]);              // one exclamation mark
        Assert.Equal(2, row[5]);              // two quotes
        Assert.Equal(1, row[7]);              // negation: don't
        Assert.Equal(1, row[8]);              // second person: you
        Assert.Equal(1, row[9]);              // one loaded word of class 0
        Assert.Equal(0, row[10]);
    }

    [Fact]
    public void TheEnsemblesTrainingRowsTakeTheirLoadedWordsFromFoldsThatNeverSawTheRow()
    {
        // Every word occurs in exactly three rows, all of one class: learned on every row it would be a
        // loaded word (MinCount 3) of that class and mark those rows; learned without the row it occurs at most twice.
        const int perClass = 30, classes = 3;
        var texts = new List<string>();
        var y = new List<int>();
        for (int c = 0; c < classes; c++)
            for (int i = 0; i < perClass; i++)
            {
                texts.Add($"w{c}x{i / 3} v{c}x{(i + 1) % perClass / 3}y");
                y.Add(c);
            }
        var labels = y.ToArray();
        var all = TextStatistics.Fit(texts, labels, classes);
        Assert.All(all.LoadedWords, words => Assert.NotEmpty(words));   // the leak this guards against is there to take
        var set = new TrainingSet(Featurizer.CountAll(new FeaturizerOptions { HashBits = 12 }, texts), texts, labels, classes);
        var features = new TreeFeatures(classes, all, 0, 0);
        var rows = TreeHeadTrainer.OutOfFoldRows(set, features, new() { Lambda = 1e-3 }, 3, 7);
        int loadedFirst = classes + all.Count - 2 * classes;   // the loaded-word counts and shares close the row
        for (int r = 0; r < rows.Length; r++)
        {
            Assert.Equal(features.Width, rows[r].Length);
            Assert.Equal(1.0, rows[r].Take(classes).Sum(), 5);                     // the fold model's probabilities are there
            Assert.All(rows[r].Skip(loadedFirst), v => Assert.Equal(0f, v));       // no loaded word of its own
            // What a leaky fit would have given this row: its own class's words.
            var leaked = new float[all.Count];
            all.Compute(texts[r], leaked);
            Assert.True(leaked[all.Count - 2 * classes + labels[r]] > 0);
        }
    }
}
