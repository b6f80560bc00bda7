namespace Stance.Core.Learning.Trees;

/// <summary>One row to predict, as ML.NET reads it.</summary>
internal sealed class TreeInputRow
{
    public float[] Features { get; set; } = [];
}
