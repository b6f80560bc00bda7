namespace Stance.Core.Modeling;

/// <summary>Where a model came from, written to the manifest.</summary>
public sealed record TrainingInfo(string DataFile, string DataSha256, int Rows, string TextColumn, ulong Seed, int Folds,
    string Trainer, DateTimeOffset Created)
{
    /// <summary>The class weight factors the heads were trained with, each naming its head (empty when none were given).</summary>
    public IReadOnlyList<ClassWeightFactor> ClassWeightFactors { get; init; } = [];
}
