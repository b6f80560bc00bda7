using Stance.Core.Common;
using System.Globalization;
using Stance.Core.Modeling;

namespace Stance.Core.Reports;

/// <summary>The HTML report and the label suspects of a training run's cross-validation, written after it.</summary>
public static class TrainingReports
{
    public static void Write(string? report, string? suspects, LabeledData data, IReadOnlyList<CrossValidationResult> cv, StanceModel model,
        string? modelPath = null, TextWriter? log = null)
    {
        log ??= Console.Out;
        if (report is not null)
        {
            var doc = ReportBuilder.FromTraining(data, cv, model, modelPath);
            HtmlReport.Write(report, doc);
            log.WriteLine($"report: {report} (" + string.Join(", ", doc.Sections.Select(s =>
                $"{s.Label} ECE {s.Calibration.ExpectedCalibrationError.ToString("F3", CultureInfo.InvariantCulture)}")) + ")");
        }
        if (suspects is not null)
        {
            var found = LabelSuspects.Write(suspects, data, cv);
            log.WriteLine($"suspects: {found.Count} rows whose label the out-of-fold model doubts (" +
                string.Join(", ", cv.Select(r => $"{r.Label} {found.Count(s => s.Column == r.Label)}")) + $") → {suspects}");
        }
    }
}
