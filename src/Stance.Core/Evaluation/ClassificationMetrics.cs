namespace Stance.Core.Evaluation;

/// <summary>
/// The figures of scikit-learn's classification_report and log_loss, computed the same way:
/// precision = TP / (TP + FP) and recall = TP / (TP + FN), 0 when the denominator is 0
/// (zero_division=0); F1 = 2PR / (P + R), 0 when P + R = 0; macro averages are unweighted means over
/// the classes that occur in the actual or the predicted labels (sklearn's default `labels`); weighted
/// averages weight by support; log-loss clips probabilities to [1e-15, 1 − 1e-15] and renormalizes.
/// </summary>
public sealed class ClassificationMetrics
{
    public IReadOnlyList<ClassMetrics> PerClass { get; }
    public ConfusionMatrix Confusion { get; }
    public double Accuracy { get; }
    public double MacroPrecision { get; }
    public double MacroRecall { get; }
    public double MacroF1 { get; }
    public double WeightedF1 { get; }
    /// <summary>Null when no probabilities were given.</summary>
    public double? LogLoss { get; }
    public long Count { get; }

    public ClassificationMetrics(IReadOnlyList<string> classes, IReadOnlyList<int> actual, IReadOnlyList<int> predicted,
        IReadOnlyList<double[]>? probabilities = null)
    {
        Confusion = new ConfusionMatrix(classes, actual, predicted);
        Count = actual.Count;
        var per = new List<ClassMetrics>();
        long correct = 0;
        double sumP = 0, sumR = 0, sumF = 0, weightedF = 0;
        int present = 0;
        for (int c = 0; c < classes.Count; c++)
        {
            long tp = Confusion.Counts[c, c], support = Confusion.RowTotal(c), predictedCount = Confusion.ColumnTotal(c);
            correct += tp;
            double p = predictedCount == 0 ? 0 : (double)tp / predictedCount;
            double r = support == 0 ? 0 : (double)tp / support;
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            per.Add(new ClassMetrics(classes[c], p, r, f, support));
            if (support == 0 && predictedCount == 0) continue;
            present++;
            sumP += p; sumR += r; sumF += f;
            weightedF += f * support;
        }
        PerClass = per;
        Accuracy = Count == 0 ? 0 : (double)correct / Count;
        MacroPrecision = present == 0 ? 0 : sumP / present;
        MacroRecall = present == 0 ? 0 : sumR / present;
        MacroF1 = present == 0 ? 0 : sumF / present;
        WeightedF1 = Count == 0 ? 0 : weightedF / Count;
        if (probabilities != null) LogLoss = ComputeLogLoss(actual, probabilities);
    }

    public static double MacroF1Of(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, int classes) =>
        new ClassificationMetrics(Enumerable.Range(0, classes).Select(c => c.ToString()).ToArray(), actual, predicted).MacroF1;

    public static double ComputeLogLoss(IReadOnlyList<int> actual, IReadOnlyList<double[]> probabilities)
    {
        const double eps = 1e-15;
        double sum = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            var p = probabilities[i];
            double total = 0;
            foreach (double v in p) total += Math.Clamp(v, eps, 1 - eps);
            sum -= Math.Log(Math.Clamp(p[actual[i]], eps, 1 - eps) / total);
        }
        return actual.Count == 0 ? 0 : sum / actual.Count;
    }

    /// <summary>Text report in the shape of scikit-learn's classification_report, plus log-loss.</summary>
    public string ToText()
    {
        int w = Math.Max(12, PerClass.Max(c => c.Class.Length));
        var sb = new System.Text.StringBuilder();
        sb.Append(new string(' ', w)).Append("  precision     recall   f1-score    support\n");
        foreach (var c in PerClass)
            sb.Append($"{c.Class.PadLeft(w)}  {c.Precision,9:F4}  {c.Recall,9:F4}  {c.F1,9:F4}  {c.Support,9}\n");
        sb.Append('\n');
        sb.Append($"{"accuracy".PadLeft(w)}  {"",9}  {"",9}  {Accuracy,9:F4}  {Count,9}\n");
        sb.Append($"{"macro avg".PadLeft(w)}  {MacroPrecision,9:F4}  {MacroRecall,9:F4}  {MacroF1,9:F4}  {Count,9}\n");
        sb.Append($"{"weighted avg".PadLeft(w)}  {"",9}  {"",9}  {WeightedF1,9:F4}  {Count,9}\n");
        if (LogLoss is double ll) sb.Append($"{"log-loss".PadLeft(w)}  {ll,9:F4}\n");
        return sb.ToString();
    }
}
