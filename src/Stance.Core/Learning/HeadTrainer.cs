using Stance.Core.Features;
using Stance.Core.Learning.Linear;
using Stance.Core.Learning.Trees;

namespace Stance.Core.Learning;

/// <summary>Fits a <see cref="TrainedHead"/> with the trainer the options name.</summary>
public sealed class HeadTrainer(TrainerOptions options)
{
    /// <summary>Auto's inner-CV figures of the last fit (empty for the other trainers).</summary>
    public IReadOnlyList<CandidateScore> LastCandidates { get; private set; } = [];

    public TrainedHead Fit(TrainingSet set)
    {
        if (options.Trainer != TrainerKind.Auto) return FitWith(options.Trainer, set, options);
        int folds = Math.Min(options.InnerFolds, MinClassCount(set));
        if (folds < 2) return FitWith(TrainerKind.Linear, set, options);
        return FitAuto(set, folds);
    }

    private TrainedHead FitAuto(TrainingSet set, int folds)
    {
        TrainerKind[] candidates = [TrainerKind.Linear, TrainerKind.NaiveBayesLinear, TrainerKind.FastTree, TrainerKind.LightGbm, TrainerKind.Ensemble];
        // λ is set once per linear trainer, on all rows (as for the trainers named alone: the size rule, or
        // the inner-CV search when asked), and kept in every inner fold: the comparison is between trainers,
        // not between λ choices. The ensemble shares linear's λ.
        var linear = new LogisticRegressionTrainer(options.Linear with { Seed = options.Seed }).Fit(set.X, set.Y, set.Classes);
        var nbOptions = options.LinearOptionsOf(TrainerKind.NaiveBayesLinear) with { Seed = options.Seed };
        var nbLinear = new LogisticRegressionTrainer(nbOptions).Fit(set.X, set.Y, set.Classes);
        var shared = options with { Linear = options.Linear with { Lambda = linear.Lambda } };
        var nbShared = options with { Linear = nbOptions with { Lambda = nbLinear.Lambda } };
        var split = Evaluation.StratifiedKFold.Split(set.Y, set.Classes, folds, options.Seed ^ 0xA0A0);
        var f1 = new double[candidates.Length, folds];
        Parallel.For(0, candidates.Length * folds, job =>
        {
            int c = job / folds, f = job % folds;
            var (train, test) = split.Fold(f);
            var head = FitWith(candidates[c], set.Select(train), candidates[c] == TrainerKind.NaiveBayesLinear ? nbShared : shared);
            f1[c, f] = Evaluation.ClassificationMetrics.MacroF1Of(LogisticRegressionTrainer.Pick(set.Y, test), PredictAll(head, set.Select(test)), set.Classes);
        });
        var scores = candidates.Select((name, c) => new CandidateScore(name, Enumerable.Range(0, folds).Average(f => f1[c, f]))).ToList();
        LastCandidates = scores;
        // Ties go to the simpler model (earlier in the list).
        var best = scores.Aggregate((a, b) => b.MacroF1 > a.MacroF1 + 1e-12 ? b : a);
        return best.Trainer switch
        {
            TrainerKind.Linear => TrainerOptions.LinearHead(best.Trainer, set.Classes, linear),
            TrainerKind.NaiveBayesLinear => TrainerOptions.LinearHead(best.Trainer, set.Classes, nbLinear),
            _ => FitWith(best.Trainer, set, shared),
        };
    }

    public static int[] PredictAll(TrainedHead head, TrainingSet set)
    {
        var predicted = new int[set.X.RowCount];
        var p = new double[set.Classes];
        for (int i = 0; i < predicted.Length; i++)
        {
            head.Predict(set.Texts[i], set.X.RowColumns(i), set.X.RowValues(i), p);
            predicted[i] = head.Decide(p);
        }
        return predicted;
    }

    /// <summary>A head of the named trainer.</summary>
    private static TrainedHead FitWith(TrainerKind trainer, TrainingSet set, TrainerOptions options) => trainer switch
    {
        TrainerKind.Linear or TrainerKind.NaiveBayesLinear =>
            TrainerOptions.LinearHead(trainer, set.Classes, new LogisticRegressionTrainer(options.LinearOptionsOf(trainer) with { Seed = options.Seed }).Fit(set.X, set.Y, set.Classes)),
        _ => TreeHeadTrainer.Fit(trainer, set, options),
    };

    private static int MinClassCount(TrainingSet set)
    {
        var counts = new int[set.Classes];
        foreach (int c in set.Y) counts[c]++;
        return counts.Where(c => c > 0).DefaultIfEmpty(0).Min();
    }
}
