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
    public ulong Seed { get; init; } = 42;
}
