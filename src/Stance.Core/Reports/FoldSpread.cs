using Stance.Core.Evaluation;
namespace Stance.Core.Reports;

/// <summary>
/// How much the figures move from fold to fold: accuracy, macro-F1 and each class's F1, computed on
/// every fold's test rows from the out-of-fold predictions (the same figures the trainer's own per-fold
/// macro-F1 reports, recomputed here so the trainer need not change).
/// </summary>
public static class FoldSpread
{
    /// <param name="classes">The head's classes.</param>
    /// <param name="folds">Each fold's test rows (row numbers of the data).</param>
    /// <param name="rows">The out-of-fold rows, aligned with actual and predicted.</param>
    public static IReadOnlyList<MetricSpread> Compute(IReadOnlyList<string> classes, IEnumerable<IReadOnlyList<int>> folds,
        IReadOnlyList<int> rows, IReadOnlyList<int> actual, IReadOnlyList<int> predicted)
    {
        var at = new Dictionary<int, int>(rows.Count);
        for (int i = 0; i < rows.Count; i++) at[rows[i]] = i;
        var accuracy = new List<double>();
        var macro = new List<double>();
        var perClass = classes.Select(_ => new List<double>()).ToArray();
        foreach (var test in folds)
        {
            var a = new int[test.Count];
            var p = new int[test.Count];
            for (int i = 0; i < test.Count; i++)
            {
                if (!at.TryGetValue(test[i], out int j)) throw new ArgumentException($"row {test[i]} of a fold has no out-of-fold prediction");
                a[i] = actual[j];
                p[i] = predicted[j];
            }
            var m = new ClassificationMetrics(classes, a, p);
            accuracy.Add(m.Accuracy);
            macro.Add(m.MacroF1);
            for (int c = 0; c < classes.Count; c++) perClass[c].Add(m.PerClass[c].F1);
        }
        var result = new List<MetricSpread> { new("accuracy", accuracy), new("macro-F1", macro) };
        for (int c = 0; c < classes.Count; c++) result.Add(new MetricSpread($"F1 {classes[c]}", perClass[c]));
        return result;
    }
}
