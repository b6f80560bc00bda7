using Stance.Core.Evaluation;
using Stance.Core.Features;
using Stance.Core.Learning.Linear;
using Stance.Core.Learning.Trees;

namespace Stance.Core.Learning.Ensemble;

/// <summary>
/// Stacking: the linear model's class probabilities for each training row come from inner folds that
/// never saw the row (so the trees learn how far to trust the linear model on unseen text), joined by
/// the <see cref="TextStatistics"/>, and boosted trees are fitted on that dense row. The statistics'
/// loaded words are learned from labels, so they too come from the inner fold: learned on the rows that
/// include the row itself, a word seen three times in one class marks exactly those rows, and the trees
/// trust a count that says far less about new text. At prediction the linear model and the loaded words
/// fitted on all training rows supply the row. λ is chosen once on all training rows and reused for the
/// inner folds.
/// </summary>
public static class EnsembleTrainer
{
    public static TrainedHead Fit(TrainingSet set, TrainerOptions options)
    {
        var linearTrainer = new LogisticRegressionTrainer(options.Linear with { Seed = options.Seed });
        var linear = linearTrainer.Fit(set.X, set.Y, set.Classes);
        var fixedLambda = options.Linear with { Lambda = linear.Lambda, Seed = options.Seed };
        var rows = OutOfFoldRows(set, fixedLambda, Math.Max(2, options.InnerFolds), options.Seed ^ 0x5EED);
        var statistics = TextStatistics.Fit(set.Texts, set.Y, set.Classes);
        var stacked = SparseMatrix.FromRows(rows, set.Classes + statistics.Count);
        var trees = new BoostedTreesTrainer(options.Trees).Fit(stacked, set.Y, set.Classes);
        return new TrainedHead(TrainedHead.EnsembleName, set.Classes, linear, trees, statistics);
    }

    /// <summary>The trees' training rows: each row's linear probabilities and loaded words from the inner fold that held it out.</summary>
    internal static (int[] Columns, float[] Values)[] OutOfFoldRows(TrainingSet set, LogisticRegressionOptions linear, int folds, ulong seed)
    {
        var rows = new (int[], float[])[set.X.RowCount];
        var split = StratifiedKFold.Split(set.Y, set.Classes, folds, seed);
        Parallel.For(0, folds, f =>
        {
            var (train, test) = split.Fold(f);
            var foldY = LogisticRegressionTrainer.Pick(set.Y, train);
            var model = new LogisticRegressionTrainer(linear).Fit(set.X.SelectRows(train), foldY, set.Classes);
            var foldStatistics = TextStatistics.Fit(train.Select(r => set.Texts[r]).ToArray(), foldY, set.Classes);
            var p = new double[set.Classes];
            foreach (int r in test)
            {
                model.Predict(set.X.RowColumns(r), set.X.RowValues(r), p);
                rows[r] = TrainedHead.StackedRow(p, set.Texts[r], foldStatistics);
            }
        });
        return rows;
    }
}
