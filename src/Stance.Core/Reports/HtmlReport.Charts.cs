using System.Globalization;
using System.Text;
using Stance.Core.Evaluation;

namespace Stance.Core.Reports;

/// <summary>The report's figures: inline SVG charts and their tables, drawn from the metrics alone.</summary>
public static partial class HtmlReport
{
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
}
