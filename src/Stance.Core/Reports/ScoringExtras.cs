using Stance.Core.Common;
using System.Globalization;
using Stance.Core.Modeling;
using Stance.Core.Input;

namespace Stance.Core.Reports;

/// <summary>
/// What a score run may write besides its predictions: an HTML evaluation of labeled input and the units
/// to label next (least certain first); units fed during the stream, files written at the end.
/// </summary>
public sealed class ScoringExtras
{
    private readonly StanceModel _model;
    private readonly IReadOnlyList<string> _inputs;
    private readonly string? _report, _uncertainOut, _modelPath;
    private readonly UncertaintySampler? _sampler;
    private readonly string? _uncertainLabel;

    /// <param name="report">The HTML report to write, or null.</param>
    /// <param name="uncertain">How many least-certain units to keep, the CSV to write them to and the head whose margin ranks them; or null.</param>
    public ScoringExtras(StanceModel model, IReadOnlyList<string> inputs, string? report, (int Count, string Out, int Head)? uncertain, string? modelPath = null)
    {
        _model = model; _inputs = inputs; _report = report; _modelPath = modelPath;
        if (uncertain is not { } u) return;
        _uncertainOut = u.Out;
        _uncertainLabel = model.Heads[u.Head].Label;
        _sampler = new UncertaintySampler(u.Count, u.Head, _uncertainLabel);
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
            if (heads.Count == 0) throw new InputException($"{_report}: the input has no labeled units (every label cell is empty); no report written");
            var doc = ReportBuilder.FromHeldOut(_model, heads, _inputs, _modelPath);
            HtmlReport.Write(_report, doc);
            log.WriteLine($"report: {_report} (" + string.Join(", ", doc.Sections.Select(s => $"{s.Label} ECE {F(s.Calibration.ExpectedCalibrationError)}")) + ")");
        }
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
