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
/// Settings of every trainer. `auto` tries linear, nb-linear (each with its own λ), fasttree and ensemble
/// by inner stratified CV (macro-F1) and keeps the best; the tree candidates only on data up to <see cref="TreeCandidateLimit"/> stored values.
/// </summary>
public sealed record TrainerOptions
{
    public string Trainer { get; init; } = "auto";
    public LogisticRegressionOptions Linear { get; init; } = new();
    public BoostedTreesOptions Trees { get; init; } = new() { EarlyStoppingRounds = 20 };
    /// <summary>Inner folds for the ensemble's out-of-fold linear scores and for auto's choice.</summary>
    public int InnerFolds { get; init; } = 3;
    public ulong Seed { get; init; } = 42;
    /// <summary>
    /// Auto tries the tree candidates only up to this many stored values in the training rows. The trees
    /// bin a copy of every stored value and auto fits them for every candidate × inner fold at once: a run
    /// at 34 M values reached 8 GB (≈ 240 bytes a value), so 4 M keeps that search near 1 GB; the linear
    /// candidates' cost grows only linearly and they stay at any size.
    /// </summary>
    public long TreeCandidateLimit { get; init; } = 4_000_000;

    public static readonly string[] Names = ["auto", TrainedHead.LinearName, TrainedHead.NaiveBayesLinearName, TrainedHead.FastTreeName, TrainedHead.EnsembleName];

    /// <summary>Trainers whose head is one linear model, fitted straight from the column layout.</summary>
    public static bool IsLinearOnly(string trainer) => trainer is TrainedHead.LinearName or TrainedHead.NaiveBayesLinearName;

    /// <summary>The linear trainer's settings for a linear-only trainer: nb-linear adds the naive-Bayes weighting (α = 1, as the paper).</summary>
    public LogisticRegressionOptions LinearOptionsOf(string trainer) =>
        trainer == TrainedHead.NaiveBayesLinearName ? Linear with { NaiveBayesAlpha = Linear.NaiveBayesAlpha ?? NaiveBayesScaling.DefaultAlpha } : Linear;

    /// <summary>The head of a linear-only trainer: stored as linear either way, the fitter kept for reports.</summary>
    public static TrainedHead LinearHead(string trainer, int classes, LinearModel model) =>
        new(TrainedHead.LinearName, classes, model, null, null, trainer == TrainedHead.NaiveBayesLinearName ? trainer : null);
}

/// <summary>One candidate of an auto choice with its inner-CV macro-F1, or why it was not tried.</summary>
public sealed record CandidateScore(string Trainer, double MacroF1, string? Skipped = null)
{
    /// <summary>"linear 0.7095, nb-linear 0.7012; fasttree and ensemble skipped: 34,000,000 stored values > limit 4,000,000".</summary>
    public static string Summary(IReadOnlyList<CandidateScore> candidates)
    {
        var tried = string.Join(", ", candidates.Where(c => c.Skipped is null).Select(c => FormattableString.Invariant($"{c.Trainer} {c.MacroF1:F4}")));
        var skipped = candidates.Where(c => c.Skipped is not null).ToList();
        return skipped.Count == 0 ? tried
            : $"{tried}; {string.Join(" and ", skipped.Select(c => c.Trainer))} skipped: {string.Join("; ", skipped.Select(c => c.Skipped).Distinct())}";
    }
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
        var candidates = new List<string> { TrainedHead.LinearName, TrainedHead.NaiveBayesLinearName };
        var skipped = new List<CandidateScore>();
        if (set.X.NonZeros > options.TreeCandidateLimit)
        {
            string why = FormattableString.Invariant($"{set.X.NonZeros:N0} stored values > limit {options.TreeCandidateLimit:N0}");
            skipped.Add(new CandidateScore(TrainedHead.FastTreeName, double.NaN, why));
            skipped.Add(new CandidateScore(TrainedHead.EnsembleName, double.NaN, why));
        }
        else candidates.AddRange([TrainedHead.FastTreeName, TrainedHead.EnsembleName]);
        // λ is set once per linear trainer, on all rows (as for the trainers named alone: the size rule, or
        // the inner-CV search when asked), and kept in every inner fold: the comparison is between trainers,
        // not between λ choices. The trees' candidates share linear's λ.
        var linear = new LogisticRegressionTrainer(options.Linear with { Seed = options.Seed }).Fit(set.X, set.Y, set.Classes);
        var nbOptions = options.LinearOptionsOf(TrainedHead.NaiveBayesLinearName) with { Seed = options.Seed };
        var nbLinear = new LogisticRegressionTrainer(nbOptions).Fit(set.X, set.Y, set.Classes);
        var shared = options with { Linear = options.Linear with { Lambda = linear.Lambda } };
        var nbShared = options with { Linear = nbOptions with { Lambda = nbLinear.Lambda } };
        var split = Evaluation.StratifiedKFold.Split(set.Y, set.Classes, folds, options.Seed ^ 0xA0A0);
        var f1 = new double[candidates.Count, folds];
        // Above the limit only linear fits remain, each already using every core: one at a time, so only
        // one fold's matrix is held.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = skipped.Count > 0 ? 1 : -1 };
        Parallel.For(0, candidates.Count * folds, parallel, job =>
        {
            int c = job / folds, f = job % folds;
            var (train, test) = split.Fold(f);
            var head = FitWith(candidates[c], set.Select(train), candidates[c] == TrainedHead.NaiveBayesLinearName ? nbShared : shared);
            f1[c, f] = Evaluation.ClassificationMetrics.MacroF1Of(LogisticRegressionTrainer.Pick(set.Y, test), PredictAll(head, set.Select(test)), set.Classes);
        });
        var scores = candidates.Select((name, c) => new CandidateScore(name, Enumerable.Range(0, folds).Average(f => f1[c, f]))).ToList();
        LastCandidates = [.. scores, .. skipped];
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
