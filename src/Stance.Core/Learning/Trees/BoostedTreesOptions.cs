namespace Stance.Core.Learning.Trees;

/// <summary>
/// Settings of <see cref="BoostedTreesTrainer"/>, named as in ML.NET's FastTree/LightGBM trainers where
/// they have an equivalent.
/// </summary>
public sealed record BoostedTreesOptions
{
    /// <summary>Boosting rounds (upper bound when early stopping); each round adds one tree per class.</summary>
    public int NumberOfTrees { get; init; } = 100;
    /// <summary>Leaves per tree; trees grow best-first (leaf-wise), so depth is not bounded separately.</summary>
    public int NumberOfLeaves { get; init; } = 20;
    /// <summary>No split may leave fewer training rows than this on either side.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 10;
    /// <summary>Shrinkage applied to every leaf value.</summary>
    public double LearningRate { get; init; } = 0.1;
    /// <summary>
    /// λ in the leaf value −G/(H+λ) and split gain G²/(H+λ). 1 (XGBoost's default) rather than 0: with
    /// about a thousand rows a nearly pure 10-row leaf has H ≈ 0.1 and would otherwise take huge steps.
    /// </summary>
    public double L2Regularization { get; init; } = 1.0;
    /// <summary>Share of the binned features each tree may split on (drawn per tree).</summary>
    public double FeatureFraction { get; init; } = 1.0;
    /// <summary>Share of the training rows each round's trees are grown on (drawn per round, without replacement).</summary>
    public double BaggingFraction { get; init; } = 1.0;
    /// <summary>
    /// Histogram bins per feature, the zero bin included (3..255: a feature of both signs needs bins below
    /// and above zero). Features with fewer distinct values get fewer, and a bin holds at least
    /// max(3, <see cref="MinimumExampleCountPerLeaf"/>) values.
    /// </summary>
    public int MaxBins { get; init; } = 255;
    /// <summary>
    /// Stop when the validation log-loss has not improved for this many rounds and keep the best round;
    /// 0 disables early stopping (all <see cref="NumberOfTrees"/> rounds are kept), as in ML.NET.
    /// </summary>
    public int EarlyStoppingRounds { get; init; }
    /// <summary>Stratified share of the rows held out for early stopping when no validation set is given.</summary>
    public double ValidationFraction { get; init; } = 0.1;
    public ulong Seed { get; init; } = 42;
    /// <summary>
    /// The trees of a round (one per class) are grown concurrently on up to this many threads (null = all
    /// cores); the model does not depend on it.
    /// </summary>
    public int? NumberOfThreads { get; init; }

    /// <summary>Derive the larger child's histogram as parent − smaller child (off only to verify it changes nothing).</summary>
    internal bool HistogramSubtraction { get; init; } = true;
    /// <summary>
    /// Memory for kept leaf histograms per thread (at least two are kept); beyond it leaves lose theirs
    /// and their children are built from rows.
    /// </summary>
    internal long HistogramBudgetBytes { get; init; } = 256L << 20;

    internal void Validate()
    {
        static void Require(bool ok, string name, string rule)
        {
            if (!ok) throw new ArgumentOutOfRangeException(name, $"{name} must be {rule}");
        }
        Require(NumberOfTrees >= 1, nameof(NumberOfTrees), "at least 1");
        Require(NumberOfLeaves >= 2, nameof(NumberOfLeaves), "at least 2");
        Require(MinimumExampleCountPerLeaf >= 1, nameof(MinimumExampleCountPerLeaf), "at least 1");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), "positive");
        Require(L2Regularization >= 0 && double.IsFinite(L2Regularization), nameof(L2Regularization), "non-negative");
        Require(FeatureFraction > 0 && FeatureFraction <= 1, nameof(FeatureFraction), "in (0, 1]");
        Require(BaggingFraction > 0 && BaggingFraction <= 1, nameof(BaggingFraction), "in (0, 1]");
        Require(MaxBins >= 3 && MaxBins <= 255, nameof(MaxBins), "in 3..255");
        Require(EarlyStoppingRounds >= 0, nameof(EarlyStoppingRounds), "non-negative");
        Require(ValidationFraction >= 0 && ValidationFraction < 1, nameof(ValidationFraction), "in [0, 1)");
        Require(NumberOfThreads is null or >= 1, nameof(NumberOfThreads), "at least 1");
        Require(HistogramBudgetBytes > 0, nameof(HistogramBudgetBytes), "positive");
    }
}
