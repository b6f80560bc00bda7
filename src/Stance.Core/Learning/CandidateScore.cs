namespace Stance.Core.Learning;

/// <summary>One candidate of an auto choice with its inner-CV macro-F1.</summary>
public sealed record CandidateScore(TrainerKind Trainer, double MacroF1)
{
    /// <summary>"linear 0.7095, nb-linear 0.7012, fasttree 0.6610, …".</summary>
    public static string Summary(IReadOnlyList<CandidateScore> candidates) =>
        string.Join(", ", candidates.Select(c => FormattableString.Invariant($"{c.Trainer.Name()} {c.MacroF1:F4}")));
}
