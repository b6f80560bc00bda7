using Stance.Core.Learning.Linear;
using Stance.Core.Learning.Trees;

namespace Stance.Core.Learning;

/// <summary>
/// Settings of every trainer. `auto` tries linear, nb-linear (each with its own λ), fasttree, lightgbm and
/// ensemble by inner stratified CV (macro-F1) and keeps the best.
/// </summary>
public sealed record TrainerOptions
{
    public TrainerKind Trainer { get; init; } = TrainerKind.Auto;
    public LogisticRegressionOptions Linear { get; init; } = new();
    public TreeOptions Trees { get; init; } = new();
    /// <summary>Inner folds for the tree heads' out-of-fold rows and for auto's choice.</summary>
    public int InnerFolds { get; init; } = 3;
    public ulong Seed { get; init; } = 42;

    /// <summary>The linear trainer's settings for a linear-only trainer: nb-linear adds the naive-Bayes weighting (α = 1, as the paper).</summary>
    public LogisticRegressionOptions LinearOptionsOf(TrainerKind trainer) =>
        trainer == TrainerKind.NaiveBayesLinear ? Linear with { NaiveBayesAlpha = Linear.NaiveBayesAlpha ?? NaiveBayesScaling.DefaultAlpha } : Linear;

    /// <summary>The head of a linear-only trainer: stored as linear either way, the fitter kept for reports.</summary>
    public static TrainedHead LinearHead(TrainerKind trainer, int classes, LinearModel model) =>
        new(TrainerKind.Linear, classes, model, null, null, trainer == TrainerKind.NaiveBayesLinear ? trainer : null);
}
