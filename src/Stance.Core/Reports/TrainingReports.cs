using Stance.Core.Common;
using System.Globalization;
using Stance.Core.Modeling;

namespace Stance.Core.Reports;

/// <summary>Train's --report and --suspects: checked before training, written after it.</summary>
public static class TrainingReports
{
    public static void Check(string? report, string? suspects, int folds)
    {
        if (report is null && suspects is null) return;
        if (folds == 0) throw new InputException($"{(report is not null ? "--report" : "--suspects")} needs cross-validation's out-of-fold predictions: use --folds 2..50, not 0");
        foreach (var (option, path) in new[] { ("--report", report), ("--suspects", suspects) })
            if (path is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))))
                throw new InputException($"{option}: the folder of {path} does not exist");
    }

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
