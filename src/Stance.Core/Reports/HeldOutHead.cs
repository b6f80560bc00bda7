using Stance.Core.Modeling;

namespace Stance.Core.Reports;

/// <summary>One head's held-out data: Actual, Predicted, Probabilities (and, when kept, Ids and Texts) aligned.</summary>
public sealed record HeldOutHead(string Label, IReadOnlyList<string> Classes, IReadOnlyList<int> Actual, IReadOnlyList<int> Predicted,
    IReadOnlyList<double[]> Probabilities, IReadOnlyList<string> Ids, IReadOnlyList<string> Texts, int Unlabeled);
