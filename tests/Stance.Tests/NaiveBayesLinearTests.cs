using Stance.Core.Common;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;
using Stance.Core.Modeling;

namespace Stance.Tests;

public class NaiveBayesLinearTests
{
    private static readonly LabeledData Small = LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance"]);

    /// <summary>Four rows over source columns 1, 3 and 5 of 6 (the others unused, so compacted away).</summary>
    private static ColumnMatrix Tiny() => ColumnMatrix.FromRows(SparseMatrix.FromRows(
    [
        ([1, 3], [1f, 1f]),    // class 0
        ([1], [2f]),           // class 0
        ([3, 5], [0.5f, 1f]),  // class 1
        ([5], [3f]),           // class 1
    ], 6));

    [Fact]
    public void LogCountRatiosMatchHandComputedValuesOnBinarizedCounts()
    {
        var x = Tiny();
        Assert.Equal([1, 3, 5], x.FeatureIds);
        // Rows of class 1 containing each feature: 0, 1, 2; of class 0: 2, 1, 0 (values are binarized).
        // α = 1: p = (1, 2, 3), ‖p‖₁ = 6; q = (3, 2, 1), ‖q‖₁ = 6; r = log(p/q).
        var r = NaiveBayesScaling.LogCountRatios(x, [0, 0, 1, 1], 2, 1.0);
        Assert.Equal(Math.Log(1.0 / 3), r[1][0], 12);
        Assert.Equal(0.0, r[1][1], 12);
        Assert.Equal(Math.Log(3.0), r[1][2], 12);
        for (int f = 0; f < 3; f++) Assert.Equal(-r[1][f], r[0][f], 12);
        // α = 0.5 and unequal norms: p = (0.5, 1.5, 2.5) / 4.5, q = (2.5, 1.5, 0.5) / 4.5 for class 1 — and
        // for three classes the rest pools the other two.
        var r3 = NaiveBayesScaling.LogCountRatios(x, [0, 2, 1, 1], 3, 0.5);
        // Class 2 has only row 1 (feature 1): p = (1.5, 0.5, 0.5), ‖p‖ = 2.5; q = (1.5, 2.5, 2.5), ‖q‖ = 6.5.
        Assert.Equal(Math.Log(1.5 / 2.5) - Math.Log(1.5 / 6.5), r3[2][0], 12);
        Assert.Equal(Math.Log(0.5 / 2.5) - Math.Log(2.5 / 6.5), r3[2][1], 12);
    }

    [Fact]
    public void FoldedWeightsScoreAsTheOneVsRestModelsOnScaledFeatures()
    {
        const int F = 4, K = 3;
        var rng = new SplitMix64(7);
        var ratios = Enumerable.Range(0, K).Select(_ => Enumerable.Range(0, F).Select(_ => rng.NextDouble() * 4 - 2).ToArray()).ToArray();
        var binary = Enumerable.Range(0, K).Select(_ => Enumerable.Range(0, (F + 1) * 2).Select(_ => rng.NextDouble() - 0.5).ToArray()).ToArray();
        var folded = new double[(F + 1) * K];
        for (int k = 0; k < K; k++) NaiveBayesScaling.Fold(binary[k], ratios[k], k, folded, K);
        var model = new LinearModel(K, F, [0, 1, 2, 3], folded.Take(F * K).Select(v => (float)v).ToArray(), folded.Skip(F * K).Select(v => (float)v).ToArray(), 0);

        int[] cols = [0, 2, 3];
        float[] vals = [0.5f, 1.25f, 0.75f];
        var scores = new double[K];
        model.Scores(cols, vals, scores);
        for (int k = 0; k < K; k++)
        {
            // Class k's binary model on r_k∘x: logit = (w₁ − w₀)·(r_k∘x) + b₁ − b₀.
            double logit = binary[k][F * 2 + 1] - binary[k][F * 2];
            for (int j = 0; j < cols.Length; j++)
                logit += (binary[k][cols[j] * 2 + 1] - binary[k][cols[j] * 2]) * (ratios[k][cols[j]] * vals[j]);
            Assert.Equal(logit, scores[k], 5);
        }
    }

    [Fact]
    public void NbLinearLearnsTheSyntheticClassesAndKeepsItsNameInReports()
    {
        var (x, y) = LinearLearnerTests.Synthetic(600, 50, 0, 3);
        var m = new LogisticRegressionTrainer(new LogisticRegressionOptions { NaiveBayesAlpha = 1.0 }).Fit(x, y, 3);
        int correct = 0;
        var p = new double[3];
        for (int i = 0; i < x.RowCount; i++)
        {
            m.Predict(x.RowColumns(i), x.RowValues(i), p);
            if (LogisticRegressionTrainer.ArgMax(p) == y[i]) correct++;
        }
        Assert.True(correct > 0.95 * x.RowCount, $"{correct} of {x.RowCount}");
        var head = new HeadTrainer(new TrainerOptions { Trainer = TrainerKind.NaiveBayesLinear }).Fit(new TrainingSet(x, Enumerable.Repeat("", x.RowCount).ToArray(), y, 3));
        Assert.Equal(TrainerKind.Linear, head.Trainer);
        Assert.Equal(TrainerKind.NaiveBayesLinear, head.FittedBy);
        Assert.StartsWith("nb-linear λ=", ModelTrainer.Describe(head));
    }

    [Fact]
    public void NbLinearModelIsAPlainLinearHeadInTheFileAndTrainsToTheSameBytes()
    {
        var options = new TrainOptions { Folds = 0, Featurizer = new FeaturizerOptions { HashBits = 14 }, Trainer = new TrainerOptions { Trainer = TrainerKind.NaiveBayesLinear } };
        var model = new ModelTrainer(options).Train(Small).Model;
        using var ms = new MemoryStream();
        ModelFile.Write(model, ms);
        var loaded = ModelFile.Read(new MemoryStream(ms.ToArray()), "mem");
        Assert.Equal(TrainerKind.Linear, loaded.Heads[0].Head.Trainer);
        var a = model.NewCounter();
        var b = loaded.NewCounter();
        foreach (var text in Small.Texts.Take(20))
            Assert.Equal(model.Predict(text, a)[0], loaded.Predict(text, b)[0]);
        using var again = new MemoryStream();
        ModelFile.Write(new ModelTrainer(options).Train(Small).Model, again);
        Assert.Equal(ms.ToArray(), again.ToArray());
    }
}
