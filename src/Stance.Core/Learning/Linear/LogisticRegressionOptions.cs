namespace Stance.Core.Learning.Linear;

/// <summary>Settings of the linear trainer (L-BFGS multinomial logistic regression, as LbfgsMaximumEntropy).</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>L2 strength λ; null = pick from <see cref="LambdaGrid"/> by inner cross-validation.</summary>
    public double? Lambda { get; init; }
    public IReadOnlyList<double> LambdaGrid { get; init; } = [1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5];
    public int InnerFolds { get; init; } = 3;
    /// <summary>Weight each row by n / (K · n_class) — scikit-learn's class_weight="balanced".</summary>
    public bool BalanceClasses { get; init; }
    /// <summary>
    /// When set, fit NB-LR instead (Wang &amp; Manning 2012): one-vs-rest logistic regressions on the rows
    /// scaled by each class's naive-Bayes log-count ratios, with this smoothing α (see <see cref="NaiveBayesScaling"/>).
    /// </summary>
    public double? NaiveBayesAlpha { get; init; }
    public int MaxIterations { get; init; } = 300;
    /// <summary>
    /// L-BFGS stops when the last 5 iterations lowered the objective by less than this relative amount per
    /// iteration on average (ML.NET's criterion). Null (the default) picks by problem size: 1e-6 below
    /// <see cref="SmallProblemNonZeros"/> stored values, where iterations are cheap and the nearly
    /// unregularized fits need them (the 1,062-row corpus's CV figures move by up to
    /// 0.01 at 1e-4); 1e-4 above, where an iteration costs a pass over tens of millions of values and
    /// held-out macro-F1 on the 80,000-row speed corpus is within 0.0005 of running to 1e-6 (16 instead
    /// of 49 iterations). The λ search's fits, which only rank λ, use
    /// <see cref="LogisticRegressionTrainer.SearchTolerance"/> unless this is set.
    /// </summary>
    public double? Tolerance { get; init; }
    public const long SmallProblemNonZeros = 2_000_000;

    /// <summary>Scale L-BFGS's initial inverse Hessian by the data's column norms (see <see cref="SoftmaxObjective.DiagonalPreconditioner"/>).</summary>
    public bool Precondition { get; init; } = true;
    public ulong Seed { get; init; } = 42;
}
