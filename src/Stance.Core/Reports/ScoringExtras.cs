using Stance.Core.Common;
using System.Globalization;
using Stance.Core.Modeling;
using Stance.Core.Input;

namespace Stance.Core.Reports;

/// <summary>
/// Score's --report (an HTML evaluation of labeled input) and --uncertain N (the units to label next):
/// options checked before scoring starts, units fed during the stream, files written at the end.
/// </summary>
public sealed class ScoringExtras
{
    private readonly StanceModel _model;
    private readonly IReadOnlyList<string> _inputs;
    private readonly string? _report, _uncertainOut, _modelPath;
    private readonly UncertaintySampler? _sampler;
    private readonly string? _uncertainLabel;

    public ScoringExtras(StanceModel model, IReadOnlyList<string> inputs, IReadOnlyList<string> extraColumns, string? report,
        int? uncertain, string? uncertainOut, string? uncertainHead, string? modelPath = null)
    {
        _model = model; _inputs = inputs; _report = report; _uncertainOut = uncertainOut; _modelPath = modelPath;
        if (report is not null)
        {
            CheckFolder("--report", report);
            if (!inputs.Contains("-") && !model.Heads.Any(h => extraColumns.Contains(h.Label)))
                throw new InputException($"--report needs labeled input: no CSV input has a label column the model knows ({string.Join(", ", model.Heads.Select(h => h.Label))})");
        }
        if (uncertain is null)
        {
            if (uncertainOut is not null || uncertainHead is not null) throw new InputException("--uncertain-out and --uncertain-head need --uncertain N");
            return;
        }
        if (uncertain is < 1 or > 1_000_000) throw new InputException("--uncertain: expected a count of units, 1..1000000");
        if (uncertainOut is null) throw new InputException("--uncertain needs --uncertain-out FILE (the CSV of units to label)");
        CheckFolder("--uncertain-out", uncertainOut);
        int head = 0;
        if (uncertainHead is not null)
        {
            head = model.Heads.ToList().FindIndex(h => h.Label == uncertainHead);
            if (head < 0) throw new InputException($"--uncertain-head: the model has no head \"{uncertainHead}\" (it has: {string.Join(", ", model.Heads.Select(h => h.Label))})");
        }
        _uncertainLabel = model.Heads[head].Label;
        _sampler = new UncertaintySampler(uncertain.Value, head, _uncertainLabel);
    }

    /// <summary>True when the evaluation must keep ids and texts (for the report's examples and n-grams).</summary>
    public bool WantsTexts => _report is not null;

    public void Add(ScoringUnit unit, double[][] probabilities) => _sampler?.Add(unit, probabilities);

    public void Finish(HeldOutEvaluation evaluation, TextWriter log)
    {
        if (_sampler is not null)
        {
            _sampler.Write(_uncertainOut!, _model.Heads.Select(h => h.Label).ToList());
            var kept = _sampler.Result();
            string range = kept.Count == 0 ? "" : $", margin {F(kept[0].Margin)}–{F(kept[^1].Margin)} on {_uncertainLabel}";
            log.WriteLine($"uncertain: {kept.Count} of {_sampler.Seen} units to label next{range}"
                + (_sampler.AlreadyLabeled > 0 ? $" ({_sampler.AlreadyLabeled} already labeled skipped)" : "") + $" → {_uncertainOut}");
        }
        if (_report is not null)
        {
            var heads = evaluation.Heads().ToList();
            if (heads.Count == 0) throw new InputException("--report: the input has no labeled units (every label cell is empty); no report written");
            var doc = ReportBuilder.FromHeldOut(_model, heads, _inputs, _modelPath);
            HtmlReport.Write(_report, doc);
            log.WriteLine($"report: {_report} (" + string.Join(", ", doc.Sections.Select(s => $"{s.Label} ECE {F(s.Calibration.ExpectedCalibrationError)}")) + ")");
        }
    }

    private static void CheckFolder(string option, string path)
    {
        if (!Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))))
            throw new InputException($"{option}: the folder of {path} does not exist");
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
