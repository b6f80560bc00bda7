namespace Stance.Core.Learning.Trees;

/// <summary>One training row as ML.NET reads it (the vector size and the label's key count are set at run time).</summary>
internal sealed class TreeTrainingRow
{
    public float[] Features { get; set; } = [];
    /// <summary>The class index: a key of the class count (LoadFromEnumerable takes keys 0-based and shifts them to its 1-based form).</summary>
    public uint Label { get; set; }
    public float Weight { get; set; }
}
