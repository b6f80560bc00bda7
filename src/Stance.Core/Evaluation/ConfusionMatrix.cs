namespace Stance.Core.Evaluation;

/// <summary>Counts[actual, predicted] over a fixed class list (scikit-learn's confusion_matrix layout).</summary>
public sealed class ConfusionMatrix
{
    public IReadOnlyList<string> Classes { get; }
    public long[,] Counts { get; }

    public ConfusionMatrix(IReadOnlyList<string> classes, IReadOnlyList<int> actual, IReadOnlyList<int> predicted)
    {
        if (actual.Count != predicted.Count) throw new ArgumentException("actual and predicted differ in length");
        Classes = classes;
        Counts = new long[classes.Count, classes.Count];
        for (int i = 0; i < actual.Count; i++) Counts[actual[i], predicted[i]]++;
    }

    public long RowTotal(int actual) { long s = 0; for (int p = 0; p < Classes.Count; p++) s += Counts[actual, p]; return s; }
    public long ColumnTotal(int predicted) { long s = 0; for (int a = 0; a < Classes.Count; a++) s += Counts[a, predicted]; return s; }
    public long Total { get { long s = 0; foreach (long c in Counts) s += c; return s; } }

    /// <summary>Plain-text table: rows = actual, columns = predicted, with row and column totals.</summary>
    public string ToText()
    {
        int n = Classes.Count;
        int labelWidth = Math.Max("actual \\ predicted".Length, Classes.Max(c => c.Length));
        var widths = Classes.Select(c => Math.Max(c.Length, Math.Max(6, Total.ToString().Length))).ToArray();
        int totalWidth = Math.Max(5, Total.ToString().Length);
        var sb = new System.Text.StringBuilder();
        sb.Append("actual \\ predicted".PadRight(labelWidth));
        for (int p = 0; p < n; p++) sb.Append("  ").Append(Classes[p].PadLeft(widths[p]));
        sb.Append("  ").Append("total".PadLeft(totalWidth)).Append('\n');
        for (int a = 0; a < n; a++)
        {
            sb.Append(Classes[a].PadRight(labelWidth));
            for (int p = 0; p < n; p++) sb.Append("  ").Append(Counts[a, p].ToString().PadLeft(widths[p]));
            sb.Append("  ").Append(RowTotal(a).ToString().PadLeft(totalWidth)).Append('\n');
        }
        sb.Append("total".PadRight(labelWidth));
        for (int p = 0; p < n; p++) sb.Append("  ").Append(ColumnTotal(p).ToString().PadLeft(widths[p]));
        sb.Append("  ").Append(Total.ToString().PadLeft(totalWidth)).Append('\n');
        return sb.ToString();
    }
}
