using Stance.Core.Modeling;

namespace Stance.Core.Scoring;

/// <summary>
/// One head's verdict over a part of an article: the mean of the units' class probabilities (the
/// verdict is the head's decision on it, see TrainedHead.Decide), the share of units predicted as each class, and the
/// ids of the (up to) two units with the highest probability of the verdict class.
/// </summary>
public sealed record HeadVerdict(string Label, IReadOnlyList<string> Classes, string Verdict, double[] MeanProbabilities, double[] Shares,
    IReadOnlyList<string> TopUnits);
