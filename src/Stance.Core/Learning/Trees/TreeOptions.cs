namespace Stance.Core.Learning.Trees;

/// <summary>
/// Settings of the tree learners (ML.NET's FastTree and LightGbm), under ML.NET's own option names. The
/// defaults are FastTree's except the learning rate (0.1 rather than 0.2: the dense rows are a few
/// thousand at most in this tool's use, and a slower rate over 100 trees over-fits them less).
/// </summary>
public sealed record TreeOptions
{
    public int NumberOfTrees { get; init; } = 100;
    public int NumberOfLeaves { get; init; } = 20;
    public int MinimumExampleCountPerLeaf { get; init; } = 10;
    public double LearningRate { get; init; } = 0.1;
    /// <summary>Share of the features each tree may split on.</summary>
    public double FeatureFraction { get; init; } = 1.0;
    /// <summary>Threads of one fit (null: one up to <see cref="TreeTrainer.SingleThreadRows"/> rows, else every core).</summary>
    public int? NumberOfThreads { get; init; }
}
