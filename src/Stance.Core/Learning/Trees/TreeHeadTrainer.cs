using Stance.Core.Evaluation;
using Stance.Core.Learning.Linear;
using Stance.Core.Features;

namespace Stance.Core.Learning.Trees;

/// <summary>
/// Fits the tree heads: fasttree and lightgbm read the <see cref="TreeFeatures"/> of each text (text
/// statistics and the encoder block); ensemble stacks LightGbm on them and the linear model's class
/// probabilities (LightGbm rather than FastTree: on these dense rows ML.NET's FastTree cost 10–40× the CPU for
/// the same number of trees, see docs/benchmarks.md).
/// Each training row's learned parts — the linear probabilities and the statistics' loaded words — come
/// from inner folds that never saw the row, so the trees learn how far to trust them on unseen text
/// (learned on the row itself, a word seen three times in one class marks exactly those rows). At
/// prediction the linear model and loaded words fitted on all training rows supply the row. The
/// ensemble's λ is chosen once on all training rows and reused in the inner folds.
/// </summary>
public static class TreeHeadTrainer
{
    public static TrainedHead Fit(TrainerKind trainer, TrainingSet set, TrainerOptions options)
    {
        if (!trainer.HasTrees()) throw new ArgumentException($"{trainer.Name()} is not a tree trainer");
        bool stacked = trainer == TrainerKind.Ensemble;
        LinearModel? linear = null;
        LogisticRegressionOptions? foldLinear = null;
        if (stacked)
        {
            linear = new LogisticRegressionTrainer(options.Linear with { Seed = options.Seed }).Fit(set.X, set.Y, set.Classes);
            foldLinear = options.Linear with { Lambda = linear.Lambda, Seed = options.Seed };
        }
        var features = new TreeFeatures(stacked ? set.Classes : 0, TextStatistics.Fit(set.Texts, set.Y, set.Classes), set.EncoderStart, set.EncoderDimension);
        var rows = OutOfFoldRows(set, features, foldLinear, Math.Max(2, options.InnerFolds), options.Seed ^ 0x5EED);
        var weights = RowWeights(set.Y, set.Classes, options.Linear);
        var learner = trainer == TrainerKind.FastTree ? TreeLearner.FastTree : TreeLearner.LightGbm;
        var trees = TreeTrainer.Fit(learner, rows, set.Y, set.Classes, weights, options.Trees, options.Seed);
        return new TrainedHead(trainer, set.Classes, linear, trees, features);
    }

    /// <summary>Each training row's dense row, its learned parts from the inner fold that held it out.</summary>
    internal static float[][] OutOfFoldRows(TrainingSet set, TreeFeatures features, LogisticRegressionOptions? linear, int folds, ulong seed)
    {
        var rows = new float[set.X.RowCount][];
        var split = StratifiedKFold.Split(set.Y, set.Classes, folds, seed);
        Parallel.For(0, folds, f =>
        {
            var (train, test) = split.Fold(f);
            var foldY = LogisticRegressionTrainer.Pick(set.Y, train);
            var model = linear is null ? null : new LogisticRegressionTrainer(linear).Fit(set.X.SelectRows(train), foldY, set.Classes);
            var foldFeatures = features with { Statistics = TextStatistics.Fit(train.Select(r => set.Texts[r]).ToArray(), foldY, set.Classes) };
            var p = new double[set.Classes];
            foreach (int r in test)
            {
                model?.Predict(set.X.RowColumns(r), set.X.RowValues(r), p);
                rows[r] = new float[features.Width];
                foldFeatures.Fill(set.Texts[r], set.X.RowColumns(r), set.X.RowValues(r), p, rows[r]);
            }
        });
        return rows;
    }

    /// <summary>The linear trainer's row weights: n / (K · n_class) when balancing, times the class's factor
    /// (<see cref="LogisticRegressionOptions.ClassFactors"/>); null (1 each) when neither applies.</summary>
    private static float[]? RowWeights(int[] y, int classes, LogisticRegressionOptions linear)
    {
        if (!linear.BalanceClasses && linear.ClassFactors is null) return null;
        var counts = new int[classes];
        foreach (int c in y) counts[c]++;
        return y.Select(c => (float)((linear.BalanceClasses ? (double)y.Length / (classes * counts[c]) : 1.0) * (linear.ClassFactors?[c] ?? 1.0))).ToArray();
    }
}
