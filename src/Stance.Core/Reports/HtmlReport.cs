using System.Globalization;
using System.Net;
using System.Text;
using Stance.Core.Common;
using Stance.Core.Evaluation;

namespace Stance.Core.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as one self-contained HTML file: inline CSS and inline SVG
/// only — no scripts, no fonts, images or styles from anywhere else — so it reads the same offline, in
/// any browser, and on paper (print styles keep figures whole and colors on). The output depends only
/// on the document (no clock), so the same model and data give the same file.
/// </summary>
public static partial class HtmlReport
{
    public static void Write(string path, ReportDocument document) =>
        AtomicFile.Write(path, stream =>
        {
            var bytes = new UTF8Encoding(false).GetBytes(Render(document));
            stream.Write(bytes);
        });

    public static string Render(ReportDocument doc)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(H(doc.Title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
        sb.Append("<header class=\"top\">\n<h1>").Append(H(doc.Title)).Append("</h1>\n<p class=\"sub\">").Append(H(doc.Subtitle)).Append("</p>\n<dl class=\"facts\">\n");
        foreach (var (k, v) in doc.Facts) sb.Append("<dt>").Append(H(k)).Append("</dt><dd>").Append(H(v)).Append("</dd>\n");
        sb.Append("</dl>\n");
        if (doc.Sections.Count > 1)
        {
            sb.Append("<nav class=\"toc\">Label columns: ");
            sb.Append(string.Join(" · ", doc.Sections.Select(s => $"<a href=\"#{Anchor(s.Label)}\">{H(s.Label)}</a>")));
            sb.Append("</nav>\n");
        }
        sb.Append("</header>\n");
        if (doc.Sections.Count == 0) sb.Append("<p class=\"empty\">No labeled units: nothing to evaluate.</p>\n");
        foreach (var s in doc.Sections) Section(sb, s);
        sb.Append("<footer>Written by Stance. Figures follow scikit-learn's definitions (precision, recall and F1 with zero_division=0; "
            + "macro = unweighted mean over classes). ECE uses ").Append(Calibration.DefaultBins)
            .Append(" equal-width bins of the top-class probability. This file is self-contained: no scripts, no network.</footer>\n");
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, ReportSection s)
    {
        var m = s.Metrics;
        sb.Append($"<section class=\"head\" id=\"{Anchor(s.Label)}\">\n");
        sb.Append("<h2><span class=\"muted\">label column</span> ").Append(H(s.Label)).Append("</h2>\n");
        sb.Append("<p class=\"scheme\">").Append(H(s.Scheme)).Append("</p>\n");

        sb.Append("<div class=\"kpis\">\n");
        Kpi(sb, "accuracy", F3(m.Accuracy), $"{Correct(m)} of {m.Count} right");
        Kpi(sb, "macro-F1", F3(m.MacroF1), "mean of class F1");
        Kpi(sb, "weighted F1", F3(m.WeightedF1), "by support");
        if (m.LogLoss is double ll) Kpi(sb, "log-loss", F3(ll), "lower is better");
        Kpi(sb, "ECE", F3(s.Calibration.ExpectedCalibrationError), $"{s.Calibration.Bins.Count} bins; 0 = calibrated");
        sb.Append("</div>\n");

        // Two independent columns (their heights balance for 2–6 classes), then the fold spread across the page.
        sb.Append("<div class=\"cols\">\n<div class=\"col\">\n");
        Figure(sb, "Confusion matrix", ConfusionSvg(m.Confusion),
            "Rows are the given (actual) labels, columns the model's calls. Each cell: count and share of its row; shade = row share; outlined: the diagonal (right).");
        Figure(sb, "Precision, recall and F1 per class", ScoresSvg(m),
            "Precision: of the units called this class, the share that are. Recall: of the units that are, the share found. F1: their harmonic mean.");
        Figure(sb, "Class distribution", DistributionSvg(m.Confusion),
            "How many units carry each label, and how many the model assigns to it.");
        sb.Append("</div>\n<div class=\"col\">\n");
        Figure(sb, $"Reliability diagram — ECE {F3(s.Calibration.ExpectedCalibrationError)}",
            "<div class=\"pair\"><div class=\"pair-chart rel\">" + ReliabilitySvg(s.Calibration, Anchor(s.Label)) + "</div><div class=\"pair-side rel\">"
            + CalibrationTable(s.Calibration) + "</div></div>",
            $"Units are grouped by the model's top-class probability into {s.Calibration.Bins.Count} equal-width bins (0–0.1, …, 0.9–1; "
            + "each includes its upper edge). Blue bar: the share of the bin's units that are right; hatched: the gap to the bin's mean probability; "
            + "grey bars below: units per bin. ECE = Σ over bins of (units in bin / all units) × |share right − mean probability|. "
            + "A bar under the diagonal means over-confident, above it under-confident.");
        sb.Append("</div>\n</div>\n");
        Figure(sb, s.SpreadTitle, "<div class=\"pair\"><div class=\"pair-chart\">" + SpreadLegend(s.SpreadLegend) + SpreadSvg(s.Spread, s.SpreadLegend) + "</div><div class=\"pair-side\">"
            + SpreadTable(s) + $"<p class=\"note\">{H(SpreadCaption(s))}</p></div></div>", "", wide: true);

        sb.Append("<h3>Top n-grams per class</h3>\n");
        if (s.Ngrams is null) sb.Append("<p class=\"note\">No n-gram weights to show: no texts to name the features from, or a fasttree head (no per-n-gram weights).</p>\n");
        else Ngrams(sb, s.Ngrams, s.NgramNote);

        sb.Append("<h3>Most confidently wrong</h3>\n");
        Examples(sb, s);
        sb.Append("</section>\n");
    }

    private static long Correct(ClassificationMetrics m)
    {
        long c = 0;
        for (int k = 0; k < m.Confusion.Classes.Count; k++) c += m.Confusion.Counts[k, k];
        return c;
    }

    private static void Kpi(StringBuilder sb, string name, string value, string note) =>
        sb.Append($"<div class=\"kpi\"><div class=\"kname\">{H(name)}</div><div class=\"kval\">{value}</div><div class=\"knote\">{H(note)}</div></div>\n");

    private static void Figure(StringBuilder sb, string title, string body, string caption, bool wide = false) =>
        sb.Append($"<figure{(wide ? " class=\"wide\"" : "")}>\n<h4>{H(title)}</h4>\n{body}\n{(caption.Length > 0 ? $"<figcaption>{H(caption)}</figcaption>\n" : "")}</figure>\n");

    // ---- n-grams and examples ---------------------------------------------------------------------

    private static void Ngrams(StringBuilder sb, IReadOnlyList<ClassNgrams> classes, string note)
    {
        sb.Append("<p class=\"note\">").Append(H(note)).Append(". Character n-grams show the space that pads each word as ␣; "
            + "each is listed once per word, with the word it most often comes from in grey; a superscript +n counts other n-grams sharing the bucket.</p>\n<div class=\"ngrams\">\n");
        foreach (var c in classes)
        {
            sb.Append("<div class=\"ngram-card\"><h5>").Append(H(c.Class)).Append("</h5>\n");
            NgramList(sb, "words", c.Words, word: true);
            NgramList(sb, "characters", c.Characters, word: false);
            sb.Append("</div>\n");
        }
        sb.Append("</div>\n");
    }

    private static void NgramList(StringBuilder sb, string title, IReadOnlyList<WeightedNgram> list, bool word)
    {
        sb.Append($"<div class=\"ngram-kind\">{H(title)}</div>");
        if (list.Count == 0) { sb.Append("<p class=\"note\">none</p>"); return; }
        double max = list.Max(n => n.Weight);
        sb.Append("<ol class=\"ngram-list\">");
        foreach (var n in list)
        {
            string text = word ? n.Text : n.Text.Replace(' ', '␣');
            string from = !word && n.Word is { } w && w != n.Text.Trim() ? $"<span class=\"from\">{H(w)}</span>" : "";
            sb.Append($"<li><span class=\"gram\">{H(text)}{(n.Others > 0 ? $"<sup>+{n.Others}</sup>" : "")}{from}</span>"
                + $"<span class=\"wbar\"><span style=\"width:{F(n.Weight / max * 100)}%\"></span></span><span class=\"wval\">{n.Weight.ToString("0.00", CultureInfo.InvariantCulture)}</span></li>");
        }
        sb.Append("</ol>\n");
    }

    private static void Examples(StringBuilder sb, ReportSection s)
    {
        if (s.ConfidentlyWrong.Count == 0)
        {
            sb.Append(s.Metrics.Accuracy >= 1 && s.Metrics.Count > 0 ? "<p class=\"note\">Every unit is classified right.</p>\n" : "<p class=\"note\">No texts kept for examples.</p>\n");
            return;
        }
        sb.Append("<p class=\"note\">").Append(H(s.ExamplesNote)).Append($"; the {s.ConfidentlyWrong.Count} with the highest probability on the wrong class. "
            + "Often these are label errors — see Train's --suspects.</p>\n");
        sb.Append("<table class=\"examples\"><thead><tr><th>#</th><th>where</th><th>given</th><th>model</th><th class=\"n\">p</th><th>text</th></tr></thead><tbody>\n");
        int i = 0;
        foreach (var e in s.ConfidentlyWrong)
            sb.Append($"<tr><td class=\"n\">{++i}</td><td class=\"where\">{H(e.Where)}</td><td><span class=\"tag\">{H(s.Classes[e.Actual])}</span></td>"
                + $"<td><span class=\"tag wrong\">{H(s.Classes[e.Predicted])}</span></td><td class=\"n\">{F3(e.Confidence)}</td><td class=\"text\">{H(Clip(e.Text, 320))}</td></tr>\n");
        sb.Append("</tbody></table>\n");
    }

    private static string Anchor(string label) => "head-" + new string(label.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
    private static string H(string s) => WebUtility.HtmlEncode(s);
    private static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
    private static string F1d(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    private static string F3(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
    private static string Signed(double v) => (v >= 0 ? "+" : "−") + Math.Abs(v).ToString("0.000", CultureInfo.InvariantCulture);
    private static string Pct(double v) => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
    private static string Clip(string s, int n)
    {
        s = s.ReplaceLineEndings(" ");
        return s.Length <= n ? s : s[..(n - 1)].TrimEnd() + "…";
    }
}
