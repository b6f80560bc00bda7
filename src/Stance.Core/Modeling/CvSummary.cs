using Stance.Core.Learning.Linear;

namespace Stance.Core.Modeling;

/// <summary>Cross-validated figures of one head, kept in the manifest so users can see how far to trust it.</summary>
public sealed record CvSummary(string Scheme, int Folds, double Accuracy, double MacroF1, double LogLoss, IReadOnlyList<double> FoldMacroF1,
    IReadOnlyList<ClassSummary> PerClass);
