using System.Globalization;
using System.Net;
using System.Text;
using Stance.Core.Data;

namespace Stance.Core.Evaluation;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as one self-contained HTML file: inline CSS and inline SVG
/// only — no scripts, no fonts, images or styles from anywhere else — so it reads the same offline, in
/// any browser, and on paper (print styles keep figures whole and colors on). The output depends only
/// on the document (no clock), so the same model and data give the same file.
/// </summary>
public static class HtmlReport
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

    // ---- confusion matrix -------------------------------------------------------------------------

    private static string ConfusionSvg(ConfusionMatrix cm)
    {
        int k = cm.Classes.Count;
        int longest = cm.Classes.Max(c => c.Length);
        int cell = k <= 4 ? Math.Clamp(longest * 7 + 12, 92, 118) : k <= 6 ? 70 : 52, cellH = k <= 4 ? 64 : 52;
        int labelW = Math.Clamp(longest * 7 + 16, 70, 150);
        bool rotate = longest * 7 > cell - 4;
        int top = rotate ? 30 + (int)(longest * 5.2) : 44;
        int left = labelW + 22, width = left + k * cell + 58, height = top + k * cellH + 30;
        var sb = Svg(width, height, "confusion matrix");
        sb.Append($"<text class=\"axis-title\" x=\"{left + k * cell / 2}\" y=\"14\" text-anchor=\"middle\">predicted</text>");
        sb.Append($"<text class=\"axis-title\" transform=\"translate(12 {top + k * cellH / 2}) rotate(-90)\" text-anchor=\"middle\">actual</text>");
        for (int p = 0; p < k; p++)
        {
            double x = left + p * cell + cell / 2.0;
            if (rotate) sb.Append($"<text class=\"lbl\" transform=\"translate({F(x)} {top - 6}) rotate(-35)\" text-anchor=\"start\">{H(cm.Classes[p])}</text>");
            else sb.Append($"<text class=\"lbl\" x=\"{F(x)}\" y=\"{top - 8}\" text-anchor=\"middle\">{H(cm.Classes[p])}</text>");
        }
        sb.Append($"<text class=\"small muted-fill\" x=\"{left + k * cell + 10}\" y=\"{top - 8}\">total</text>");
        for (int a = 0; a < k; a++)
        {
            long total = cm.RowTotal(a);
            double y = top + a * cellH;
            sb.Append($"<text class=\"lbl\" x=\"{left - 8}\" y=\"{F(y + cellH / 2.0 + 4)}\" text-anchor=\"end\">{H(cm.Classes[a])}</text>");
            for (int p = 0; p < k; p++)
            {
                long n = cm.Counts[a, p];
                double share = total == 0 ? 0 : (double)n / total;
                double x = left + p * cell;
                string ink = share > 0.62 ? "#ffffff" : "#1f2328";
                sb.Append($"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{cell}\" height=\"{cellH}\" fill=\"{Blues(share)}\" stroke=\"#ffffff\" stroke-width=\"2\"{(a == p ? " class=\"diag\"" : "")}/>");
                sb.Append($"<text x=\"{F(x + cell / 2.0)}\" y=\"{F(y + cellH / 2.0 - 1)}\" text-anchor=\"middle\" class=\"count\" fill=\"{ink}\">{n}</text>");
                sb.Append($"<text x=\"{F(x + cell / 2.0)}\" y=\"{F(y + cellH / 2.0 + 15)}\" text-anchor=\"middle\" class=\"small\" fill=\"{ink}\">{Pct(share)}</text>");
            }
            sb.Append($"<text class=\"small muted-fill\" x=\"{left + k * cell + 10}\" y=\"{F(y + cellH / 2.0 + 4)}\">{total}</text>");
        }
        double yTotal = top + k * cellH + 18;
        for (int p = 0; p < k; p++)
            sb.Append($"<text class=\"small muted-fill\" x=\"{F(left + p * cell + cell / 2.0)}\" y=\"{F(yTotal)}\" text-anchor=\"middle\">{cm.ColumnTotal(p)}</text>");
        sb.Append($"<text class=\"small muted-fill\" x=\"{left + k * cell + 10}\" y=\"{F(yTotal)}\">{cm.Total}</text>");
        return sb.Append("</svg>").ToString();
    }

    // ---- per-class scores -------------------------------------------------------------------------

    private static readonly (string Name, string Color)[] ScoreSeries = [("precision", "#E69F00"), ("recall", "#56B4E9"), ("F1", "#0072B2")];

    private static string ScoresSvg(ClassificationMetrics m)
    {
        var classes = m.PerClass;
        int labelW = LabelWidth(classes.Select(c => c.Class)), plotW = 300, bar = 13, gap = 3, group = 3 * bar + 2 * gap + 16;
        int top = 30, left = labelW, width = left + plotW + 52, height = top + classes.Count * group + 22;
        var sb = Svg(width, height, "precision, recall and F1 per class");
        Legend(sb, left, 12, ScoreSeries.Select(s => (s.Name, s.Color)));
        Grid01(sb, left, plotW, top, top + classes.Count * group);
        for (int c = 0; c < classes.Count; c++)
        {
            double y0 = top + c * group + 6;
            sb.Append($"<text class=\"lbl\" x=\"{left - 8}\" y=\"{F(y0 + (3 * bar + 2 * gap) / 2.0 + 4)}\" text-anchor=\"end\">{H(classes[c].Class)}</text>");
            double[] values = [classes[c].Precision, classes[c].Recall, classes[c].F1];
            for (int s = 0; s < 3; s++)
            {
                double y = y0 + s * (bar + gap);
                sb.Append($"<rect x=\"{left}\" y=\"{F(y)}\" width=\"{F(values[s] * plotW)}\" height=\"{bar}\" fill=\"{ScoreSeries[s].Color}\" rx=\"2\"/>");
                sb.Append($"<text class=\"small\" x=\"{F(left + values[s] * plotW + 4)}\" y=\"{F(y + bar - 2.5)}\">{F3(values[s])}</text>");
            }
        }
        Axis01(sb, left, plotW, top + classes.Count * group + 14);
        return sb.Append("</svg>").ToString();
    }

    // ---- class distribution -----------------------------------------------------------------------

    private static string DistributionSvg(ConfusionMatrix cm)
    {
        int k = cm.Classes.Count;
        long max = Math.Max(1, Enumerable.Range(0, k).Max(c => Math.Max(cm.RowTotal(c), cm.ColumnTotal(c))));
        long total = Math.Max(1, cm.Total);
        int labelW = LabelWidth(cm.Classes), plotW = 270, bar = 15, gap = 3, group = 2 * bar + gap + 16;
        int top = 30, left = labelW, width = left + plotW + 92, height = top + k * group + 4;
        var sb = Svg(width, height, "class distribution");
        Legend(sb, left, 12, [("given labels", "#475569"), ("model's calls", "#A5B4C8")]);
        for (int c = 0; c < k; c++)
        {
            double y0 = top + c * group + 6;
            sb.Append($"<text class=\"lbl\" x=\"{left - 8}\" y=\"{F(y0 + bar + 4)}\" text-anchor=\"end\">{H(cm.Classes[c])}</text>");
            long[] values = [cm.RowTotal(c), cm.ColumnTotal(c)];
            string[] colors = ["#475569", "#A5B4C8"];
            for (int s = 0; s < 2; s++)
            {
                double y = y0 + s * (bar + gap), w = (double)values[s] / max * plotW;
                sb.Append($"<rect x=\"{left}\" y=\"{F(y)}\" width=\"{F(w)}\" height=\"{bar}\" fill=\"{colors[s]}\" rx=\"2\"/>");
                sb.Append($"<text class=\"small\" x=\"{F(left + w + 4)}\" y=\"{F(y + bar - 3)}\">{values[s]} ({Pct((double)values[s] / total)})</text>");
            }
        }
        return sb.Append("</svg>").ToString();
    }

    // ---- spread across folds ----------------------------------------------------------------------

    private static string SpreadSvg(IReadOnlyList<SpreadRow> rows, string legend)
    {
        var all = rows.SelectMany(r => r.Dots.Concat(r.Diamond is double d ? [d] : Array.Empty<double>())).ToList();
        double lo = all.Count == 0 ? 0 : Math.Max(0, Math.Floor((all.Min() - 0.02) * 10) / 10);
        double hi = all.Count == 0 ? 1 : Math.Min(1, Math.Ceiling((all.Max() + 0.02) * 10) / 10);
        if (hi - lo < 0.2) { lo = Math.Max(0, hi - 0.2); hi = Math.Min(1, lo + 0.2); }
        int labelW = LabelWidth(rows.Select(r => r.Name)), plotW = 300, rowH = 26, top = 6, left = labelW;
        int width = left + plotW + 20, height = top + rows.Count * rowH + 26;
        double X(double v) => left + (v - lo) / (hi - lo) * plotW;
        var sb = Svg(width, height, "spread of the metrics");
        double step = hi - lo <= 0.31 ? 0.05 : hi - lo <= 0.61 ? 0.1 : 0.2;
        for (int t = 0; lo + t * step <= hi + 1e-9; t++)
        {
            double v = lo + t * step;
            sb.Append($"<line x1=\"{F(X(v))}\" x2=\"{F(X(v))}\" y1=\"{top}\" y2=\"{top + rows.Count * rowH}\" class=\"gridline\"/>");
            sb.Append($"<text class=\"tick\" x=\"{F(X(v))}\" y=\"{top + rows.Count * rowH + 14}\" text-anchor=\"middle\">{v.ToString("0.00", CultureInfo.InvariantCulture)}</text>");
        }
        for (int r = 0; r < rows.Count; r++)
        {
            double y = top + r * rowH + rowH / 2.0;
            if (r % 2 == 1) sb.Append($"<rect x=\"{left}\" y=\"{F(y - rowH / 2.0)}\" width=\"{plotW}\" height=\"{rowH}\" fill=\"#f3f5f8\"/>");
            sb.Append($"<text class=\"lbl\" x=\"{left - 8}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{H(rows[r].Name)}</text>");
            var dots = rows[r].Dots;
            if (dots.Count > 1)
            {
                sb.Append($"<line x1=\"{F(X(dots.Min()))}\" x2=\"{F(X(dots.Max()))}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#0072B2\" stroke-width=\"2\" opacity=\"0.45\"/>");
                double mean = dots.Average();
                sb.Append($"<line x1=\"{F(X(mean))}\" x2=\"{F(X(mean))}\" y1=\"{F(y - 8)}\" y2=\"{F(y + 8)}\" stroke=\"#0072B2\" stroke-width=\"2\"/>");
            }
            foreach (double v in dots)
                sb.Append($"<circle cx=\"{F(X(v))}\" cy=\"{F(y)}\" r=\"4.5\" fill=\"#0072B2\" fill-opacity=\"0.55\" stroke=\"#0072B2\"/>");
            if (rows[r].Diamond is double d)
                sb.Append($"<rect x=\"{F(X(d) - 4.5)}\" y=\"{F(y - 4.5)}\" width=\"9\" height=\"9\" transform=\"rotate(45 {F(X(d))} {F(y)})\" fill=\"#D55E00\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
        }
        return sb.Append("</svg>").ToString();
    }

    private static string SpreadLegend(string legend) =>
        "<p class=\"legend\">" + H(legend).Replace("●", "<span class=\"dot\">●</span>").Replace("◆", "<span class=\"diamond\">◆</span>") + "</p>";

    private static string SpreadCaption(ReportSection s) => s.FoldSpread is not null
        ? "Each metric computed on every fold's test rows. The bar spans the folds' range, the tick marks their mean; sd is the population standard deviation over folds."
        : "The training cross-validation stored in the model against this data: a large drop means the new data differs from the training data.";

    private static string SpreadTable(ReportSection s)
    {
        var sb = new StringBuilder("<table class=\"num spread\">");
        if (s.FoldSpread is { } folds)
        {
            bool perFold = folds.Count > 0 && folds[0].PerFold.Count <= 10;
            sb.Append("<thead><tr><th>metric</th><th>mean</th><th>sd</th><th>min</th><th>max</th>");
            if (perFold) sb.Append("<th class=\"folds\">per fold</th>");
            sb.Append("</tr></thead><tbody>");
            foreach (var f in folds)
            {
                sb.Append($"<tr><td>{H(f.Name)}</td><td>{F3(f.Mean)}</td><td>{F3(f.StandardDeviation)}</td><td>{F3(f.Min)}</td><td>{F3(f.Max)}</td>");
                if (perFold) sb.Append($"<td class=\"folds\">{string.Join(" ", f.PerFold.Select(F3))}</td>");
                sb.Append("</tr>");
            }
        }
        else if (s.Comparison is { } rows)
        {
            sb.Append("<thead><tr><th>metric</th><th>training CV</th><th>this data</th><th>difference</th></tr></thead><tbody>");
            foreach (var (metric, cv, held) in rows)
                sb.Append($"<tr><td>{H(metric)}</td><td>{(cv is double c ? F3(c) : "–")}</td><td>{F3(held)}</td><td>{(cv is double c2 ? Signed(held - c2) : "–")}</td></tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    // ---- reliability ------------------------------------------------------------------------------

    private static string ReliabilitySvg(Calibration cal, string id)
    {
        int size = 280, left = 46, top = 14, histH = 46, width = left + size + 16, height = top + size + histH + 40;
        double X(double v) => left + v * size;
        double Y(double v) => top + (1 - v) * size;
        var sb = Svg(width, height, "reliability diagram");
        string hatch = $"gap-{id}";
        sb.Append($"<defs><pattern id=\"{hatch}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#fdf0e8\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#D55E00\" stroke-width=\"2.2\"/></pattern></defs>");
        for (int t = 0; t <= 5; t++)
        {
            double v = t / 5.0;
            sb.Append($"<line x1=\"{F(X(0))}\" x2=\"{F(X(1))}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" class=\"gridline\"/>");
            sb.Append($"<text class=\"tick\" x=\"{left - 6}\" y=\"{F(Y(v) + 4)}\" text-anchor=\"end\">{F1d(v)}</text>");
            sb.Append($"<text class=\"tick\" x=\"{F(X(v))}\" y=\"{top + size + histH + 20}\" text-anchor=\"middle\">{F1d(v)}</text>");
        }
        foreach (var b in cal.Bins)
        {
            if (b.Count == 0) continue;
            double x = X(b.Lower) + 1.5, w = (b.Upper - b.Lower) * size - 3;
            sb.Append($"<rect x=\"{F(x)}\" y=\"{F(Y(b.Accuracy))}\" width=\"{F(w)}\" height=\"{F(b.Accuracy * size)}\" fill=\"#0072B2\" fill-opacity=\"0.85\"/>");
            double lo = Math.Min(b.Accuracy, b.MeanConfidence), hi = Math.Max(b.Accuracy, b.MeanConfidence);
            if (hi - lo > 0.002)
                sb.Append($"<rect x=\"{F(x)}\" y=\"{F(Y(hi))}\" width=\"{F(w)}\" height=\"{F((hi - lo) * size)}\" fill=\"url(#{hatch})\" stroke=\"#D55E00\" stroke-width=\"1\"/>");
            sb.Append($"<rect x=\"{F(x)}\" y=\"{F(Y(b.Accuracy))}\" width=\"{F(w)}\" height=\"{F(b.Accuracy * size)}\" fill=\"none\" stroke=\"#0072B2\" stroke-width=\"1.5\"/>");
        }
        sb.Append($"<line x1=\"{F(X(0))}\" y1=\"{F(Y(0))}\" x2=\"{F(X(1))}\" y2=\"{F(Y(1))}\" stroke=\"#59636e\" stroke-dasharray=\"4 3\" stroke-width=\"1.2\"/>");
        sb.Append($"<rect x=\"{left}\" y=\"{top}\" width=\"{size}\" height=\"{size}\" fill=\"none\" stroke=\"#8c959f\"/>");
        sb.Append($"<text class=\"axis-title\" transform=\"translate(12 {F(top + size / 2.0)}) rotate(-90)\" text-anchor=\"middle\">share right</text>");
        // Histogram of bin counts under the plot.
        int maxCount = Math.Max(1, cal.Bins.Max(b => b.Count));
        double baseY = top + size + histH + 4;
        foreach (var b in cal.Bins)
        {
            if (b.Count == 0) continue;
            double h = (double)b.Count / maxCount * (histH - 14);
            double x = X(b.Lower) + 1.5, w = (b.Upper - b.Lower) * size - 3;
            sb.Append($"<rect x=\"{F(x)}\" y=\"{F(baseY - h)}\" width=\"{F(w)}\" height=\"{F(h)}\" fill=\"#A5B4C8\"/>");
            sb.Append($"<text class=\"tiny\" x=\"{F(x + w / 2)}\" y=\"{F(baseY - h - 2)}\" text-anchor=\"middle\">{b.Count}</text>");
        }
        sb.Append($"<line x1=\"{left}\" x2=\"{left + size}\" y1=\"{F(baseY)}\" y2=\"{F(baseY)}\" stroke=\"#8c959f\"/>");
        sb.Append($"<text class=\"axis-title\" x=\"{F(left + size / 2.0)}\" y=\"{height - 4}\" text-anchor=\"middle\">top-class probability</text>");
        return sb.Append("</svg>").ToString();
    }

    private static string CalibrationTable(Calibration cal)
    {
        var sb = new StringBuilder("<table class=\"num calib\"><thead><tr><th>bin</th><th>units</th><th>mean p</th><th>right</th><th>gap</th></tr></thead><tbody>");
        foreach (var b in cal.Bins.Where(b => b.Count > 0))
            sb.Append($"<tr><td>{F1d(b.Lower)}–{F1d(b.Upper)}</td><td>{b.Count}</td><td>{F3(b.MeanConfidence)}</td><td>{F3(b.Accuracy)}</td><td>{Signed(b.Accuracy - b.MeanConfidence)}</td></tr>");
        sb.Append($"<tr class=\"sum\"><td>ECE</td><td>{cal.Count}</td><td></td><td></td><td>{F3(cal.ExpectedCalibrationError)}</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }

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

    // ---- drawing helpers --------------------------------------------------------------------------

    private static StringBuilder Svg(int width, int height, string title) =>
        new StringBuilder($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" role=\"img\" aria-label=\"{H(title)}\" preserveAspectRatio=\"xMinYMin meet\">");

    private static int LabelWidth(IEnumerable<string> labels) => Math.Clamp(labels.Select(l => l.Length).DefaultIfEmpty(4).Max() * 7 + 14, 60, 170);

    private static void Legend(StringBuilder sb, int x, int y, IEnumerable<(string Name, string Color)> items)
    {
        double at = x;
        foreach (var (name, color) in items)
        {
            sb.Append($"<rect x=\"{F(at)}\" y=\"{y - 9}\" width=\"10\" height=\"10\" fill=\"{color}\" rx=\"2\"/>");
            sb.Append($"<text class=\"small\" x=\"{F(at + 14)}\" y=\"{y}\">{H(name)}</text>");
            at += 14 + name.Length * 6.4 + 14;
        }
    }

    private static void Grid01(StringBuilder sb, int left, int plotW, int y1, int y2)
    {
        for (int t = 0; t <= 4; t++)
            sb.Append($"<line x1=\"{F(left + plotW * t / 4.0)}\" x2=\"{F(left + plotW * t / 4.0)}\" y1=\"{y1}\" y2=\"{y2}\" class=\"gridline\"/>");
    }

    private static void Axis01(StringBuilder sb, int left, int plotW, int y)
    {
        for (int t = 0; t <= 4; t++)
            sb.Append($"<text class=\"tick\" x=\"{F(left + plotW * t / 4.0)}\" y=\"{y}\" text-anchor=\"middle\">{(t / 4.0).ToString("0.##", CultureInfo.InvariantCulture)}</text>");
    }

    /// <summary>The "Blues" sequential scale (ColorBrewer), interpolated; t in [0, 1].</summary>
    private static string Blues(double t)
    {
        string[] stops = ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"];
        t = Math.Clamp(t, 0, 1) * (stops.Length - 1);
        int i = Math.Min((int)t, stops.Length - 2);
        double f = t - i;
        var a = Convert.FromHexString(stops[i][1..]);
        var b = Convert.FromHexString(stops[i + 1][1..]);
        return "#" + Convert.ToHexStringLower([.. Enumerable.Range(0, 3).Select(c => (byte)Math.Round(a[c] + (b[c] - a[c]) * f))]);
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

    private const string Css = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0072B2; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { background: #eef1f5; }
body { margin: 0; color: var(--ink); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", sans-serif; }
main { max-width: 1120px; margin: 24px auto; background: #fff; padding: 28px 36px 20px; border: 1px solid var(--line); border-radius: 10px; }
h1 { font-size: 26px; margin: 0 0 2px; letter-spacing: -0.01em; }
h2 { font-size: 21px; margin: 0 0 2px; }
h3 { font-size: 16px; margin: 26px 0 6px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h4 { font-size: 14px; margin: 0 0 8px; }
h5 { font-size: 14px; margin: 0 0 6px; }
.sub, .scheme, .note, figcaption, footer { color: var(--muted); }
.sub { margin: 0 0 12px; font-size: 15px; }
.muted { color: var(--muted); font-weight: 400; font-size: 14px; text-transform: uppercase; letter-spacing: 0.06em; margin-right: 6px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: 13px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.toc { margin-top: 12px; font-size: 13px; }
.toc a { color: var(--accent); }
.top { padding-bottom: 16px; border-bottom: 2px solid var(--ink); }
section.head { padding-top: 22px; margin-top: 8px; }
section.head + section.head { border-top: 2px solid var(--ink); margin-top: 30px; }
.scheme { margin: 0 0 14px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin-bottom: 16px; }
.kpi { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.kname { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
.kval { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
.knote { font-size: 12px; color: var(--muted); }
.pair { display: flex; gap: 10px 28px; align-items: flex-start; flex-wrap: wrap; }
.pair-chart { flex: 0 1 470px; }
.pair-side { flex: 1 1 300px; }
.pair-chart.rel { flex: 0 1 342px; }
.pair-side.rel { flex: 1 1 240px; }
.pair-side table { margin-top: 0; }
.pair-side .note { font-size: 12px; }
.legend { font-size: 11.5px; color: var(--muted); margin: 0 0 6px; white-space: pre-wrap; }
.legend .dot { color: #0072B2; }
.legend .diamond { color: #D55E00; }
.cols { display: flex; gap: 16px; align-items: flex-start; margin-bottom: 16px; }
.col { flex: 1 1 0; min-width: 0; display: flex; flex-direction: column; gap: 16px; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px 10px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 12px; margin-top: 8px; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg.chart { fill: var(--ink); }
svg text { font-size: 12px; }
svg .lbl { font-size: 12.5px; }
svg .small { font-size: 11px; }
svg .tiny { font-size: 9.5px; fill: var(--muted); }
svg .tick { font-size: 10.5px; fill: var(--muted); }
svg .count { font-size: 16px; font-weight: 650; }
svg .axis-title { font-size: 11px; fill: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; }
svg .muted-fill { fill: var(--muted); }
svg .gridline { stroke: #e4e8ee; stroke-width: 1; }
svg rect.diag { stroke: #1f2328; stroke-width: 1.5; }
table { border-collapse: collapse; font-size: 12px; }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 1px solid var(--line); padding: 3px 8px 3px 0; }
td { padding: 3px 8px 3px 0; border-bottom: 1px solid #eef1f4; vertical-align: top; }
table.num td, table.num th { text-align: right; font-variant-numeric: tabular-nums; }
table.num td:first-child, table.num th:first-child { text-align: left; }
table.num td.folds, table.num th.folds { text-align: left; color: var(--muted); padding-left: 6px; }
table.calib { margin-top: 10px; }
tr.sum td { font-weight: 650; border-top: 1px solid var(--line); }
.ngrams { display: grid; grid-template-columns: repeat(auto-fit, minmax(230px, 1fr)); gap: 12px; }
.ngram-card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; break-inside: avoid; page-break-inside: avoid; }
.ngram-kind { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.06em; margin: 6px 0 2px; }
.ngram-list { list-style: none; margin: 0; padding: 0; }
.ngram-list li { display: grid; grid-template-columns: minmax(0, 1.5fr) 1fr 34px; align-items: center; gap: 6px; font-size: 12.5px; line-height: 1.6; }
.gram { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.gram .from { color: var(--muted); font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, "DejaVu Sans", sans-serif; font-size: 11px; margin-left: 6px; }
.gram sup { color: var(--muted); font-size: 9px; margin-left: 2px; }
.wbar { height: 8px; background: #eef1f4; border-radius: 4px; overflow: hidden; }
.wbar span { display: block; height: 100%; background: var(--accent); border-radius: 4px; }
.wval { font-size: 11px; color: var(--muted); text-align: right; font-variant-numeric: tabular-nums; }
table.examples { width: 100%; }
table.examples td.text { width: 62%; }
table.examples td.where { color: var(--muted); white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.examples tr { break-inside: avoid; page-break-inside: avoid; }
.tag { display: inline-block; padding: 0 6px; border-radius: 10px; background: #e8eef5; font-size: 11.5px; white-space: nowrap; }
.tag.wrong { background: #fbe3d6; color: #8a3200; }
.empty { font-size: 15px; padding: 20px 0; }
footer { font-size: 11.5px; margin-top: 26px; padding-top: 10px; border-top: 1px solid var(--line); }
@media screen and (max-width: 820px) { main { padding: 18px; margin: 0; border-radius: 0; } .cols { flex-direction: column; } .col { width: 100%; } }
@page { size: A4; margin: 12mm; }
@media print {
  html { background: #fff; }
  body { font-size: 11.5px; }
  main { max-width: none; margin: 0; padding: 0; border: none; }
  section.head + section.head { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  h3 { break-after: avoid; page-break-after: avoid; }
  .kpis { grid-template-columns: repeat(5, 1fr); gap: 6px; }
  .kval { font-size: 20px; }
  figure { padding: 10px 12px 8px; }
  .cols, .col { display: block; }
  .col > figure { margin-bottom: 10px; }
  .ngrams { grid-template-columns: repeat(3, 1fr); gap: 8px; }
  .toc a { color: inherit; text-decoration: none; }
}

""";
}
