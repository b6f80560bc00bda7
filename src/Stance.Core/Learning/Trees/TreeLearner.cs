namespace Stance.Core.Learning.Trees;

/// <summary>Which ML.NET tree learner fits a tree head.</summary>
public enum TreeLearner
{
    /// <summary>One-versus-all binary FastTree (MART), each class's scores Platt-calibrated, then normalized.</summary>
    FastTree,
    /// <summary>LightGbm's multiclass softmax objective.</summary>
    LightGbm,
}
