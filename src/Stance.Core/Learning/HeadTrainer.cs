using Stance.Core.Features;
using Stance.Core.Learning.Ensemble;
using Stance.Core.Learning.Linear;
using Stance.Core.Learning.Trees;

namespace Stance.Core.Learning;

/// <summary>The training rows of one fit: TF-IDF rows, their texts (for text statistics) and labels.</summary>
public sealed record TrainingSet(SparseMatrix X, IReadOnlyList<string> Texts, int[] Y, int Classes)
{
    public TrainingSet Select(IReadOnlyList<int> rows) =>
        new(X.SelectRows(rows), rows.Select(r => Texts[r]).ToArray(), LogisticRegressionTrainer.Pick(Y, rows), Classes);
}

/// <summary>
/// Settings of every trainer. `auto` tries linear, fasttree and ensemble by inner stratified CV
/// (macro-F1) and keeps the best.
/// </summary>
public sealed record TrainerOptions
{
    public string Trainer { get; init; } = "auto";
    public LogisticRegressionOptions Linear { get; init; } = new();
    public BoostedTreesOptions Trees { get; init; } = new() { EarlyStoppingRounds = 20 };
    /// <summary>Inner folds for the ensemble's out-of-fold linear scores and for auto's choice.</summary>
    public int InnerFolds { get; init; } = 3;
    public ulong Seed { get; init; } = 42;

    public static readonly string[] Names = ["auto", TrainedHead.LinearName, TrainedHead.FastTreeName, TrainedHead.EnsembleName];
}

/// <summary>One candidate of an auto choice with its inner-CV macro-F1.</summary>
public sealed record CandidateScore(string Trainer, double MacroF1);

/// <summary>Fits a <see cref="TrainedHead"/> with the trainer the options name.</summary>
public sealed class HeadTrainer(TrainerOptions options)
{
    /// <summary>Auto's inner-CV figures of the last fit (empty for the other trainers).</summary>
    public IReadOnlyList<CandidateScore> LastCandidates { get; private set; } = [];

    public TrainedHead Fit(TrainingSet set)
    {
        if (options.Trainer != "auto") return FitWith(options.Trainer, set, options);
        var candidates = new[] { TrainedHead.LinearName, TrainedHead.FastTreeName, TrainedHead.EnsembleName };
        int folds = Math.Min(options.InnerFolds, MinClassCount(set));
        if (folds < 2) return FitWith(TrainedHead.LinearName, set, options);
        // λ is chosen once, by the linear trainer's own inner CV on all rows, and shared by every candidate
        // in every inner fold: the comparison is between trainers, not between λ searches.
        var linear = new LogisticRegressionTrainer(options.Linear with { Seed = options.Seed }).Fit(set.X, set.Y, set.Classes);
        var shared = options with { Linear = options.Linear with { Lambda = linear.Lambda } };
        var split = Evaluation.StratifiedKFold.Split(set.Y, set.Classes, folds, options.Seed ^ 0xA0A0);
        var f1 = new double[candidates.Length, folds];
        Parallel.For(0, candidates.Length * folds, job =>
        {
            int c = job / folds, f = job % folds;
            var (train, test) = split.Fold(f);
            var head = FitWith(candidates[c], set.Select(train), shared);
            f1[c, f] = Evaluation.ClassificationMetrics.MacroF1Of(LogisticRegressionTrainer.Pick(set.Y, test), PredictAll(head, set.Select(test)), set.Classes);
        });
        LastCandidates = candidates.Select((name, c) => new CandidateScore(name, Enumerable.Range(0, folds).Average(f => f1[c, f]))).ToList();
        // Ties go to the simpler model (earlier in the list).
        var best = LastCandidates.Aggregate((a, b) => b.MacroF1 > a.MacroF1 + 1e-12 ? b : a);
        return best.Trainer == TrainedHead.LinearName ? new TrainedHead(best.Trainer, set.Classes, linear, null, null) : FitWith(best.Trainer, set, shared);
    }

    public static int[] PredictAll(TrainedHead head, TrainingSet set)
    {
        var predicted = new int[set.X.RowCount];
        var p = new double[set.Classes];
        for (int i = 0; i < predicted.Length; i++)
        {
            head.Predict(set.Texts[i], set.X.RowColumns(i), set.X.RowValues(i), p);
            predicted[i] = LogisticRegressionTrainer.ArgMax(p);
        }
        return predicted;
    }

    private static TrainedHead FitWith(string trainer, TrainingSet set, TrainerOptions options) => trainer switch
    {
        TrainedHead.LinearName => new TrainedHead(trainer, set.Classes, new LogisticRegressionTrainer(options.Linear with { Seed = options.Seed }).Fit(set.X, set.Y, set.Classes), null, null),
        TrainedHead.FastTreeName => new TrainedHead(trainer, set.Classes, null, new BoostedTreesTrainer(TreeOptionsFor(set, options)).Fit(set.X, set.Y, set.Classes), null),
        TrainedHead.EnsembleName => EnsembleTrainer.Fit(set, options with { Trees = TreeOptionsFor(set, options) }),
        _ => throw new ArgumentException($"unknown trainer \"{trainer}\" (expected one of: {string.Join(", ", TrainerOptions.Names)})"),
    };

    /// <summary>
    /// The tree settings for this many rows: early stopping needs a hold-out with rows of every class, so
    /// on a set too small for one (fewer than two held-out rows per class) it is turned off.
    /// </summary>
    private static BoostedTreesOptions TreeOptionsFor(TrainingSet set, TrainerOptions options)
    {
        var trees = options.Trees with { Seed = options.Seed };
        return trees.EarlyStoppingRounds > 0 && set.Y.Length * trees.ValidationFraction < 2 * set.Classes ? trees with { EarlyStoppingRounds = 0 } : trees;
    }

    private static int MinClassCount(TrainingSet set)
    {
        var counts = new int[set.Classes];
        foreach (int c in set.Y) counts[c]++;
        return counts.Where(c => c > 0).DefaultIfEmpty(0).Min();
    }
}
