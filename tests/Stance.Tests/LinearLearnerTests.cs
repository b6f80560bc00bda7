using Stance.Core.Common;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;

namespace Stance.Tests;

public class LinearLearnerTests
{
    /// <summary>Rows with a few random non-zeros; the class is decided by which of three "signal" features is largest.</summary>
    internal static (SparseMatrix X, int[] Y) Synthetic(int rows, int features, double labelNoise, ulong seed)
    {
        var rng = new SplitMix64(seed);
        var data = new (int[], float[])[rows];
        var y = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int cls = rng.NextInt(3);
            var cols = new SortedDictionary<int, float> { [cls] = 1f };
            for (int j = 0; j < 4; j++) cols[3 + rng.NextInt(features - 3)] = (float)rng.NextDouble();
            data[i] = (cols.Keys.ToArray(), cols.Values.ToArray());
            y[i] = rng.NextDouble() < labelNoise ? rng.NextInt(3) : cls;
        }
        return (SparseMatrix.FromRows(data, features), y);
    }

    private static double Accuracy(LinearModel m, SparseMatrix x, int[] y)
    {
        int correct = 0;
        var p = new double[m.Classes];
        for (int i = 0; i < x.RowCount; i++)
        {
            m.Predict(x.RowColumns(i), x.RowValues(i), p);
            if (LogisticRegressionTrainer.ArgMax(p) == y[i]) correct++;
        }
        return (double)correct / x.RowCount;
    }

    [Fact]
    public void FitsASeparableSetPerfectly()
    {
        var (x, y) = Synthetic(300, 50, 0, 1);
        var m = new LogisticRegressionTrainer(new LogisticRegressionOptions { Lambda = 1e-4 }).Fit(x, y, 3);
        Assert.Equal(1.0, Accuracy(m, x, y));
    }

    [Fact]
    public void FitsANoisySetSensiblyAndGeneralizes()
    {
        // 20% of labels are replaced at random (so ~13% are wrong): held-out accuracy should approach 87%.
        var (x, y) = Synthetic(1200, 50, 0.2, 2);
        var train = Enumerable.Range(0, 900).ToList();
        var test = Enumerable.Range(900, 300).ToList();
        var m = new LogisticRegressionTrainer(new LogisticRegressionOptions()).Fit(x.SelectRows(train), train.Select(i => y[i]).ToArray(), 3);
        double acc = Accuracy(m, x.SelectRows(test), test.Select(i => y[i]).ToArray());
        Assert.InRange(acc, 0.78, 0.95);
    }

    [Fact]
    public void ProbabilitiesAreAProperDistribution()
    {
        var (x, y) = Synthetic(200, 40, 0.1, 3);
        var m = new LogisticRegressionTrainer(new LogisticRegressionOptions { Lambda = 1e-3 }).Fit(x, y, 3);
        var p = new double[3];
        for (int i = 0; i < x.RowCount; i++)
        {
            m.Predict(x.RowColumns(i), x.RowValues(i), p);
            Assert.Equal(1.0, p.Sum(), 12);
            Assert.All(p, v => Assert.InRange(v, 0.0, 1.0));
        }
    }

    [Fact]
    public void GradientMatchesCentralFiniteDifferences()
    {
        var (x, y) = Synthetic(40, 12, 0.3, 4);
        var weights = Enumerable.Range(0, 40).Select(i => 0.5 + (i % 3)).ToArray();
        var objective = new SoftmaxObjective(x, y, 3, weights, 0.05);
        var rng = new SplitMix64(9);
        var w = new double[objective.ParameterCount];
        for (int i = 0; i < w.Length; i++) w[i] = rng.NextDouble() - 0.5;
        var g = new double[w.Length];
        objective.Evaluate(w, g);
        var scratch = new double[w.Length];
        const double h = 1e-6;
        for (int i = 0; i < w.Length; i++)
        {
            double keep = w[i];
            w[i] = keep + h; double up = objective.Evaluate(w, scratch);
            w[i] = keep - h; double down = objective.Evaluate(w, scratch);
            w[i] = keep;
            Assert.Equal((up - down) / (2 * h), g[i], 6);
        }
    }

    [Fact]
    public void AReusedWorkspaceGivesTheSameMinimaAsFreshBuffers()
    {
        // f(x) = Σ (i+1)(x_i − c·i)² for two targets c, one after the other in one workspace.
        double[] Solve(double c, LbfgsWorkspace? workspace)
        {
            var x = new double[40_000];   // several chunks of the optimizer's vector passes
            new Lbfgs { Workspace = workspace }.Minimize((v, g) =>
            {
                double f = 0;
                for (int i = 0; i < v.Length; i++) { double d = v[i] - c * (i % 17); f += (1 + i % 5) * d * d; g[i] = 2 * (1 + i % 5) * d; }
                return f;
            }, x);
            return x;
        }
        var shared = new LbfgsWorkspace();
        var first = Solve(1, shared);
        var second = Solve(-2, shared);
        Assert.Equal(Solve(1, null), first);
        Assert.Equal(Solve(-2, null), second);
        Assert.Equal(-2 * 16, second[16], 4);
    }

    [Fact]
    public void LbfgsReachesTheMinimumOfAQuadratic()
    {
        // f(x) = Σ (i+1)(x_i − i)²: minimum at x_i = i.
        var x = new double[10];
        new Lbfgs().Minimize((v, g) =>
        {
            double f = 0;
            for (int i = 0; i < v.Length; i++) { f += (i + 1) * (v[i] - i) * (v[i] - i); g[i] = 2 * (i + 1) * (v[i] - i); }
            return f;
        }, x);
        for (int i = 0; i < x.Length; i++) Assert.Equal(i, x[i], 4);
    }

    [Fact]
    public void InnerCrossValidationPicksALambdaFromTheGridAndReportsEachCandidate()
    {
        var (x, y) = Synthetic(300, 60, 0.15, 5);
        var trainer = new LogisticRegressionTrainer(new LogisticRegressionOptions { SearchLambda = true, LambdaGrid = [1e-1, 1e-3] });
        var m = trainer.Fit(x, y, 3);
        Assert.Contains(m.Lambda, new[] { 1e-1, 1e-3 });
        Assert.Equal(2, trainer.LastSearch.Count);
        Assert.Equal(trainer.LastSearch.MaxBy(s => s.MacroF1).Lambda, m.Lambda);
    }

    [Fact]
    public void TheLambdaSearchScoresHeldOutRowsByTheirMostProbableClass()
    {
        var (x, y) = Synthetic(600, 60, 0.35, 9);
        double[] grid = [1e-1, 1e-3];
        var trainer = new LogisticRegressionTrainer(new LogisticRegressionOptions { SearchLambda = true, LambdaGrid = grid, Tolerance = 1e-10 });
        trainer.Fit(x, y, 3);
        var search = trainer.LastSearch;
        // The same figures from separate fits on the same inner folds, decided by hand.
        var split = Stance.Core.Evaluation.StratifiedKFold.Split(y, 3, 3, 42);
        Assert.Equal(grid.Length, search.Count);
        foreach (var (lambda, f1) in search)
        {
            double sum = 0;
            for (int f = 0; f < 3; f++)
            {
                var (train, test) = split.Fold(f);
                var model = new LogisticRegressionTrainer(new LogisticRegressionOptions { Lambda = lambda, Tolerance = 1e-10 }).Fit(x.SelectRows(train), LogisticRegressionTrainer.Pick(y, train), 3);
                var p = new double[3];
                var predicted = test.Select(r => { model.Predict(x.RowColumns(r), x.RowValues(r), p); return LogisticRegressionTrainer.ArgMax(p); }).ToArray();
                sum += Stance.Core.Evaluation.ClassificationMetrics.MacroF1Of(LogisticRegressionTrainer.Pick(y, test), predicted, 3);
            }
            Assert.Equal(sum / 3, f1, 6);
        }
    }

    [Fact]
    public void OnLargeDataTheHoldoutWalksDownFromTheSizeRuleAndScoresAsASeparateFitWould()
    {
        var (x, y) = Synthetic(600, 60, 0.35, 9);
        var options = new LogisticRegressionOptions { HoldoutRows = 500, Tolerance = 1e-10, BalanceClasses = true };
        Assert.True(options.UsesHoldout(600));
        Assert.False(options.UsesHoldout(499));
        Assert.False((options with { Lambda = 1e-3 }).UsesHoldout(600));
        var trainer = new LogisticRegressionTrainer(options);
        var m = trainer.Fit(x, y, 3);
        var search = trainer.LastSearch;
        Assert.NotEmpty(search);
        Assert.Equal(LogisticRegressionOptions.DefaultLambda(600), search[0].Lambda, 12);
        for (int g = 1; g < search.Count; g++) Assert.Equal(search[g - 1].Lambda / options.HoldoutStep, search[g].Lambda, 12);
        // It walks on while the figure rises, and keeps the best (the first of equals).
        for (int g = 1; g < search.Count - 1; g++) Assert.True(search[g].MacroF1 > search[g - 1].MacroF1);
        Assert.Equal(search.MaxBy(s => s.MacroF1).Lambda, m.Lambda, 12);
        // Held-out rows weighted 0 score as a fit on the other rows alone does.
        var (train, test) = Stance.Core.Evaluation.StratifiedKFold.Split(y, 3, options.HoldoutFolds, 42).Fold(0);
        foreach (var (lambda, f1) in search)
        {
            var model = new LogisticRegressionTrainer(options with { Lambda = lambda }).Fit(x.SelectRows(train), LogisticRegressionTrainer.Pick(y, train), 3);
            var p = new double[3];
            var predicted = test.Select(r => { model.Predict(x.RowColumns(r), x.RowValues(r), p); return LogisticRegressionTrainer.ArgMax(p); }).ToArray();
            Assert.Equal(Stance.Core.Evaluation.ClassificationMetrics.MacroF1Of(LogisticRegressionTrainer.Pick(y, test), predicted, 3), f1, 6);
        }
        // The final fit, warm-started, lands near a fit at the chosen λ from zero (both stop at L-BFGS's
        // gradient bar, not at the exact optimum, so within a few hundredths).
        var cold = new LogisticRegressionTrainer(options with { Lambda = m.Lambda }).Fit(x, y, 3);
        var a = m.Weights.ToArray();
        var b = cold.Weights.ToArray();
        for (int i = 0; i < a.Length; i++) Assert.InRange(a[i], b[i] - 0.05, b[i] + 0.05);
    }

    [Fact]
    public void WithoutAGivenLambdaOrASearchTheSizeRuleSetsLambda()
    {
        var (x, y) = Synthetic(300, 60, 0.15, 5);
        var trainer = new LogisticRegressionTrainer(new LogisticRegressionOptions());
        var m = trainer.Fit(x, y, 3);
        Assert.Equal(0.01 / Math.Sqrt(300), m.Lambda, 12);
        Assert.Empty(trainer.LastSearch);
        // The rule weakens with more rows, but more slowly than a fixed C (λ ∝ 1/n) would.
        Assert.Equal(0.5, LogisticRegressionOptions.DefaultLambda(400) / LogisticRegressionOptions.DefaultLambda(100), 12);
        // The same fit as giving that λ.
        var given = new LogisticRegressionTrainer(new LogisticRegressionOptions { Lambda = m.Lambda }).Fit(x, y, 3);
        Assert.Equal(given.Weights.ToArray(), m.Weights.ToArray());
    }

    [Fact]
    public void BalancedClassWeightsRaiseRecallOfARareClass()
    {
        var (x, y) = Synthetic(600, 30, 0.35, 6);
        // Make class 2 rare: keep one in six of its rows.
        var keep = Enumerable.Range(0, 600).Where(i => y[i] != 2 || i % 6 == 0).ToList();
        var xs = x.SelectRows(keep);
        var ys = keep.Select(i => y[i]).ToArray();
        int Recall2(bool balanced)
        {
            var m = new LogisticRegressionTrainer(new LogisticRegressionOptions { Lambda = 1e-2, BalanceClasses = balanced }).Fit(xs, ys, 3);
            var p = new double[3];
            int hits = 0;
            for (int i = 0; i < xs.RowCount; i++)
            {
                m.Predict(xs.RowColumns(i), xs.RowValues(i), p);
                if (ys[i] == 2 && LogisticRegressionTrainer.ArgMax(p) == 2) hits++;
            }
            return hits;
        }
        Assert.True(Recall2(true) > Recall2(false));
    }
}
