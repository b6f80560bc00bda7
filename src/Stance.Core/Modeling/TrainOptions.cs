using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Modeling;

public sealed record TrainOptions
{
    public FeaturizerOptions Featurizer { get; init; } = new();
    public TrainerOptions Trainer { get; init; } = new();
    /// <summary>Outer stratified CV folds for the reported figures; 0 skips evaluation.</summary>
    public int Folds { get; init; } = 5;
    public ulong Seed { get; init; } = 42;
    /// <summary>With a group column: rows of this group are always trained on, never tested.</summary>
    public string? AlwaysTrainGroup { get; init; }
    /// <summary>Factors on the weight of named classes' rows, matched to each head's classes before training (<see cref="ClassWeightFactors"/>).</summary>
    public IReadOnlyList<ClassWeightFactor> ClassWeightFactors { get; init; } = [];
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UnixEpoch;
}
