using Stance.Core.Common;
using Stance.Core.Evaluation;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Modeling;

/// <summary>
/// Out-of-fold results of one head (FoldModels describes what each fold fitted, e.g. "linear λ=1E-04"): every tested row (Rows, ascending) predicted by a model that never
/// saw it; Actual, Predicted and Probabilities are aligned with Rows. Seconds: wall-clock time of all the
/// folds' fits and predictions (the n-gram counts, made once for all rows, excluded).
/// </summary>
public sealed record CrossValidationResult(string Label, IReadOnlyList<string> Classes, string Scheme,
    IReadOnlyList<(List<int> Train, List<int> Test)> Folds, int[] Rows, int[] Actual, int[] Predicted,
    double[][] Probabilities, ClassificationMetrics Metrics, IReadOnlyList<double> FoldMacroF1, IReadOnlyList<string> FoldModels, double Seconds);
