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
    public int MaxIterations { get; init; } = 300;
    /// <summary>
    /// L-BFGS stops when the last 5 iterations lowered the objective by less than this relative amount per
    /// iteration on average (ML.NET's criterion). 1e-4 was enough on the 80,000-row speed corpus but cost
    /// 0.9 points of stance CV macro-F1 on the 1,062-row news corpus (0.7395 against 0.7505 at 1e-6,
    /// measured 2026-11-22), so the default is 1e-6: accuracy is not traded for speed.
    /// </summary>
    public double Tolerance { get; init; } = 1e-6;
    /// <summary>Scale L-BFGS's initial inverse Hessian by the data's column norms (see <see cref="SoftmaxObjective.DiagonalPreconditioner"/>).</summary>
    public bool Precondition { get; init; } = true;
    public ulong Seed { get; init; } = 42;
}
