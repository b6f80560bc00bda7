using Stance.Core.Learning;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Modeling;

/// <summary>One label column's classifier: its classes (sorted, ordinal) and the fitted head.</summary>
public sealed record ModelHead(string Label, IReadOnlyList<string> Classes, TrainedHead Head, CvSummary? Cv)
{
    /// <summary>The linear model (linear and ensemble heads; null for fasttree) — what explanations read.</summary>
    public LinearModel? Linear => Head.Linear;
}
