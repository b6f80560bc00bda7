using Stance.Core.Modeling;
using Stance.Core.Common;
using Stance.Core.Evaluation;

namespace Stance.Core.Reports;

/// <summary>Everything the report shows for one label column.</summary>
public sealed record ReportSection
{
    public required string Label { get; init; }
    public required IReadOnlyList<string> Classes { get; init; }
    /// <summary>How the figures were obtained, e.g. "5-fold stratified cross-validation (seed 42); 1062 out-of-fold predictions".</summary>
    public required string Scheme { get; init; }
    public required ClassificationMetrics Metrics { get; init; }
    public required Calibration Calibration { get; init; }
    public required string SpreadTitle { get; init; }
    public required string SpreadLegend { get; init; }
    public required IReadOnlyList<SpreadRow> Spread { get; init; }
    /// <summary>Per-fold figures with mean, sd, min, max (training); null when there are no folds.</summary>
    public IReadOnlyList<MetricSpread>? FoldSpread { get; init; }
    /// <summary>Held-out only: (metric, training CV figure, this data's figure).</summary>
    public IReadOnlyList<(string Metric, double? Cv, double HeldOut)>? Comparison { get; init; }
    public IReadOnlyList<ClassNgrams>? Ngrams { get; init; }
    public required string NgramNote { get; init; }
    public required IReadOnlyList<ReportExample> ConfidentlyWrong { get; init; }
    public required string ExamplesNote { get; init; }
}
