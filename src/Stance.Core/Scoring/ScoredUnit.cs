using Stance.Core.Input;

namespace Stance.Core.Scoring;

/// <summary>
/// The result for one input unit. Every unit gets one, in input order: Status "ok" with probabilities
/// per head, or the reason it was not scored (e.g. "empty text") with Probabilities null. With --explain,
/// an encoder model also gives the nearest labeled training units (<see cref="Neighbors"/>).
/// </summary>
public sealed record ScoredUnit(ScoringUnit Unit, string Status, double[][]? Probabilities, IReadOnlyList<Contribution>[]? Explanations,
    IReadOnlyList<Modeling.Neighbor>? Neighbors = null)
{
    public bool IsScored => Probabilities is not null;
}
