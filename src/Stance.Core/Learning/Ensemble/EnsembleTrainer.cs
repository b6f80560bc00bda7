using Stance.Core.Evaluation;
using Stance.Core.Features;
using Stance.Core.Learning.Linear;
using Stance.Core.Learning.Trees;

namespace Stance.Core.Learning.Ensemble;

/// <summary>
/// Stacking: the linear model's class probabilities for each training row come from inner folds that
/// never saw the row (so the trees learn how far to trust the linear model on unseen text), joined by
/// the <see cref="TextStatistics"/>, and boosted trees are fitted on that dense row. At prediction the
/// linear model fitted on all training rows supplies the probabilities. λ is chosen once, by the linear
/// trainer's inner CV on all training rows, and reused for the inner folds.
/// </summary>
public static class EnsembleTrainer
{
    public static TrainedHead Fit(TrainingSet set, TrainerOptions options)
    {
        var linearTrainer = new LogisticRegressionTrainer(options.Linear with { Seed = options.Seed });
        var linear = linearTrainer.Fit(set.X, set.Y, set.Classes);
        var fixedLambda = options.Linear with { Lambda = linear.Lambda, Seed = options.Seed };
        var outOfFold = new double[set.X.RowCount][];
        int folds = Math.Max(2, options.InnerFolds);
        var split = StratifiedKFold.Split(set.Y, set.Classes, folds, options.Seed ^ 0x5EED);
        Parallel.For(0, folds, f =>
        {
            var (train, test) = split.Fold(f);
            var model = new LogisticRegressionTrainer(fixedLambda).Fit(set.X.SelectRows(train), LogisticRegressionTrainer.Pick(set.Y, train), set.Classes);
            foreach (int r in test)
            {
                var p = new double[set.Classes];
                model.Predict(set.X.RowColumns(r), set.X.RowValues(r), p);
                outOfFold[r] = p;
            }
        });
        var statistics = TextStatistics.Fit(set.Texts, set.Y, set.Classes);
        var rows = new (int[], float[])[set.X.RowCount];
        Parallel.For(0, rows.Length, r => rows[r] = TrainedHead.StackedRow(outOfFold[r], set.Texts[r], statistics));
        var stacked = SparseMatrix.FromRows(rows, set.Classes + statistics.Count);
        var trees = new BoostedTreesTrainer(options.Trees).Fit(stacked, set.Y, set.Classes);
        return new TrainedHead(TrainedHead.EnsembleName, set.Classes, linear, trees, statistics);
    }
}
