namespace Stance.Core.Learning.Trees;

/// <summary>A multiclass prediction as ML.NET writes it: one score per class, in key order.</summary>
internal sealed class TreeScores
{
    public float[] Score { get; set; } = [];
}
