using Stance.Core.Features;
using Stance.Core.Learning.Linear;
using Stance.Core.Learning.Trees;

namespace Stance.Core.Learning;

/// <summary>
/// The training rows of one fit: featurized rows, their texts (for text statistics) and labels; the
/// encoder block's columns (from <see cref="EncoderStart"/>, <see cref="EncoderDimension"/> of them; 0 without one) for the tree heads.
/// </summary>
public sealed record TrainingSet(SparseMatrix X, IReadOnlyList<string> Texts, int[] Y, int Classes, int EncoderStart = 0, int EncoderDimension = 0)
{
    public TrainingSet Select(IReadOnlyList<int> rows) =>
        this with { X = X.SelectRows(rows), Texts = rows.Select(r => Texts[r]).ToArray(), Y = LogisticRegressionTrainer.Pick(Y, rows) };
}

/// <summary>
/// Settings of every trainer. `auto` tries linear, nb-linear (each with its own λ), fasttree, lightgbm and
/// ensemble by inner stratified CV (macro-F1) and keeps the best.
/// </summary>
public sealed record TrainerOptions
{
    public string Trainer { get; init; } = "auto";
    public LogisticRegressionOptions Linear { get; init; } = new();
    public TreeOptions Trees { get; init; } = new();
    /// <summary>Inner folds for the tree heads' out-of-fold rows and for auto's choice.</summary>
    public int InnerFolds { get; init; } = 3;
    public ulong Seed { get; init; } = 42;

    public static readonly string[] Names = ["auto", TrainedHead.LinearName, TrainedHead.NaiveBayesLinearName, TrainedHead.FastTreeName, TrainedHead.LightGbmName, TrainedHead.EnsembleName];

    /// <summary>Trainers whose head is one linear model, fitted straight from the column layout.</summary>
    public static bool IsLinearOnly(string trainer) => trainer is TrainedHead.LinearName or TrainedHead.NaiveBayesLinearName;

    /// <summary>The linear trainer's settings for a linear-only trainer: nb-linear adds the naive-Bayes weighting (α = 1, as the paper).</summary>
    public LogisticRegressionOptions LinearOptionsOf(string trainer) =>
        trainer == TrainedHead.NaiveBayesLinearName ? Linear with { NaiveBayesAlpha = Linear.NaiveBayesAlpha ?? NaiveBayesScaling.DefaultAlpha } : Linear;

    /// <summary>The head of a linear-only trainer: stored as linear either way, the fitter kept for reports.</summary>
    public static TrainedHead LinearHead(string trainer, int classes, LinearModel model) =>
        new(TrainedHead.LinearName, classes, model, null, null, trainer == TrainedHead.NaiveBayesLinearName ? trainer : null);
}

/// <summary>One candidate of an auto choice with its inner-CV macro-F1.</summary>
public sealed record CandidateScore(string Trainer, double MacroF1)
{
    /// <summary>"linear 0.7095, nb-linear 0.7012, fasttree 0.6610, …".</summary>
    public static string Summary(IReadOnlyList<CandidateScore> candidates) =>
        string.Join(", ", candidates.Select(c => FormattableString.Invariant($"{c.Trainer} {c.MacroF1:F4}")));
}

/// <summary>Fits a <see cref="TrainedHead"/> with the trainer the options name.</summary>
public sealed class HeadTrainer(TrainerOptions options)
{
    /// <summary>Auto's inner-CV figures of the last fit (empty for the other trainers).</summary>
    public IReadOnlyList<CandidateScore> LastCandidates { get; private set; } = [];

    public TrainedHead Fit(TrainingSet set)
    {
        if (options.Trainer != "auto") return FitWith(options.Trainer, set, options);
        int folds = Math.Min(options.InnerFolds, MinClassCount(set));
        if (folds < 2) return FitWith(TrainedHead.LinearName, set, options);
        return FitAuto(set, folds);
    }

    private TrainedHead FitAuto(TrainingSet set, int folds)
    {
        string[] candidates = [TrainedHead.LinearName, TrainedHead.NaiveBayesLinearName, TrainedHead.FastTreeName, TrainedHead.LightGbmName, TrainedHead.EnsembleName];
        // λ is set once per linear trainer, on all rows (as for the trainers named alone: the size rule, or
        // the inner-CV search when asked), and kept in every inner fold: the comparison is between trainers,
        // not between λ choices. The ensemble shares linear's λ.
        var linear = new LogisticRegressionTrainer(options.Linear with { Seed = options.Seed }).Fit(set.X, set.Y, set.Classes);
        var nbOptions = options.LinearOptionsOf(TrainedHead.NaiveBayesLinearName) with { Seed = options.Seed };
        var nbLinear = new LogisticRegressionTrainer(nbOptions).Fit(set.X, set.Y, set.Classes);
        var shared = options with { Linear = options.Linear with { Lambda = linear.Lambda } };
        var nbShared = options with { Linear = nbOptions with { Lambda = nbLinear.Lambda } };
        var split = Evaluation.StratifiedKFold.Split(set.Y, set.Classes, folds, options.Seed ^ 0xA0A0);
        var f1 = new double[candidates.Length, folds];
        Parallel.For(0, candidates.Length * folds, job =>
        {
            int c = job / folds, f = job % folds;
            var (train, test) = split.Fold(f);
            var head = FitWith(candidates[c], set.Select(train), candidates[c] == TrainedHead.NaiveBayesLinearName ? nbShared : shared);
            f1[c, f] = Evaluation.ClassificationMetrics.MacroF1Of(LogisticRegressionTrainer.Pick(set.Y, test), PredictAll(head, set.Select(test)), set.Classes);
        });
        var scores = candidates.Select((name, c) => new CandidateScore(name, Enumerable.Range(0, folds).Average(f => f1[c, f]))).ToList();
        LastCandidates = scores;
        // Ties go to the simpler model (earlier in the list).
        var best = scores.Aggregate((a, b) => b.MacroF1 > a.MacroF1 + 1e-12 ? b : a);
        return best.Trainer switch
        {
            TrainedHead.LinearName => TrainerOptions.LinearHead(best.Trainer, set.Classes, linear),
            TrainedHead.NaiveBayesLinearName => TrainerOptions.LinearHead(best.Trainer, set.Classes, nbLinear),
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
    private static TrainedHead FitWith(string trainer, TrainingSet set, TrainerOptions options) => trainer switch
    {
        TrainedHead.LinearName or TrainedHead.NaiveBayesLinearName =>
            TrainerOptions.LinearHead(trainer, set.Classes, new LogisticRegressionTrainer(options.LinearOptionsOf(trainer) with { Seed = options.Seed }).Fit(set.X, set.Y, set.Classes)),
        TrainedHead.FastTreeName or TrainedHead.LightGbmName or TrainedHead.EnsembleName => TreeHeadTrainer.Fit(trainer, set, options),
        _ => throw new ArgumentException($"unknown trainer \"{trainer}\" (expected one of: {string.Join(", ", TrainerOptions.Names)})"),
    };

    private static int MinClassCount(TrainingSet set)
    {
        var counts = new int[set.Classes];
        foreach (int c in set.Y) counts[c]++;
        return counts.Where(c => c > 0).DefaultIfEmpty(0).Min();
    }
}
