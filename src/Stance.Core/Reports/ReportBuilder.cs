using System.Globalization;
using Stance.Core.Modeling;
using Stance.Core.Common;
using Stance.Core.Evaluation;

namespace Stance.Core.Reports;

/// <summary>Builds a <see cref="ReportDocument"/> from Train's cross-validation or from Score's labeled input.</summary>
public static class ReportBuilder
{
    public const int Examples = 10;

    /// <summary>Train: out-of-fold figures of every head; n-grams from the final model's heads, named from the training texts.</summary>
    public static ReportDocument FromTraining(LabeledData data, IReadOnlyList<CrossValidationResult> cv, StanceModel model, string? modelPath = null)
    {
        var ids = RowIds.Read(data);
        string Where(int row) => (ids is not null && ids[row].Length > 0 ? ids[row] + " · " : "") + $"line {data.Lines[row]}";
        var sections = new List<ReportSection>();
        foreach (var r in cv)
        {
            var head = model.Head(r.Label);
            var spread = FoldSpread.Compute(r.Classes, r.Folds.Select(f => (IReadOnlyList<int>)f.Test), r.Rows, r.Actual, r.Predicted);
            var pooled = Pooled(r.Metrics);
            sections.Add(new ReportSection
            {
                Label = r.Label,
                Classes = r.Classes,
                Scheme = $"{r.Scheme}; {r.Rows.Length} out-of-fold predictions (each from a model that never saw the row)",
                Metrics = r.Metrics,
                Calibration = Calibration.Compute(r.Actual, r.Probabilities),
                SpreadTitle = $"Spread across the {r.Folds.Count} folds",
                SpreadLegend = "● one fold's test rows   ◆ all out-of-fold predictions pooled",
                Spread = spread.Select((s, i) => new SpreadRow(s.Name, s.PerFold, pooled[i])).ToList(),
                FoldSpread = spread,
                Ngrams = head?.Linear is null ? null : TopNgrams.Compute(model.Featurizer.Options, head.Linear, head.Classes, data.Texts),
                NgramNote = $"weights of the final model (fitted on all {data.Count} rows); hashed features named by the n-gram that fills the bucket most often in the training texts",
                ConfidentlyWrong = Wrong(r.Actual, r.Predicted, r.Probabilities, i => Where(r.Rows[i]), i => data.Texts[r.Rows[i]]),
                ExamplesNote = "out-of-fold: each prediction comes from the fold model that did not train on the row",
            });
        }
        var facts = new List<(string, string)>
        {
            ("data", $"{Path.GetFileName(data.Source)} ({data.Count} rows" + (data.FilteredOut > 0 ? $", {data.FilteredOut} left out by --where" : "") + (data.SkippedEmpty > 0 ? $", {data.SkippedEmpty} empty skipped" : "") + ")"),
            ("labels", string.Join(", ", data.LabelColumns)),
            ("model", (modelPath is null ? "" : Path.GetFileName(modelPath) + " · ") + $"{model.Info.Trainer}, heads: " + string.Join(", ", model.Heads.Select(h => $"{h.Label}: {ModelTrainer.Describe(h.Head)}"))),
            ("features", Features(model)),
            ("seed", model.Info.Seed.ToString()),
        };
        return new ReportDocument("Stance — training report", "Cross-validated evaluation", facts, sections);
    }

    /// <summary>Score: figures of every head whose label column the input carries; n-grams named from the scored texts.</summary>
    public static ReportDocument FromHeldOut(StanceModel model, IReadOnlyList<HeldOutHead> heads, IReadOnlyList<string> inputs, string? modelPath = null)
    {
        var sections = new List<ReportSection>();
        foreach (var h in heads)
        {
            var metrics = new ClassificationMetrics(h.Classes, h.Actual, h.Predicted, h.Probabilities);
            var head = model.Head(h.Label)!;
            var cv = head.Cv;
            var held = Pooled(metrics);
            var rows = new List<SpreadRow>();
            var comparison = new List<(string, double?, double)>();
            var names = new List<string> { "accuracy", "macro-F1" };
            names.AddRange(h.Classes.Select(c => $"F1 {c}"));
            for (int i = 0; i < names.Count; i++)
            {
                double? cvValue = cv is null ? null : i == 0 ? cv.Accuracy : i == 1 ? cv.MacroF1
                    : cv.PerClass.FirstOrDefault(c => c.Class == h.Classes[i - 2])?.F1;
                IReadOnlyList<double> dots = cv is null ? [] : i == 1 && cv.FoldMacroF1.Count > 0 ? cv.FoldMacroF1 : cvValue is double v ? [v] : [];
                rows.Add(new SpreadRow(names[i], dots, held[i]));
                comparison.Add((names[i], cvValue, held[i]));
            }
            string texts = h.Texts.Count > 0 ? $"the {h.Texts.Count} labeled texts scored here" : "the scored texts";
            sections.Add(new ReportSection
            {
                Label = h.Label,
                Classes = h.Classes,
                Scheme = $"held-out evaluation on {h.Actual.Count} labeled units" + (h.Unlabeled > 0 ? $" ({h.Unlabeled} without a label not counted)" : ""),
                Metrics = metrics,
                Calibration = Calibration.Compute(h.Actual, h.Probabilities),
                SpreadTitle = "This data against the training cross-validation",
                SpreadLegend = cv is null ? "◆ this data (the model stores no CV figures)" : "● training cross-validation (macro-F1: one dot per fold)   ◆ this data",
                Spread = rows,
                Comparison = comparison,
                Ngrams = h.Texts.Count == 0 || head.Linear is null ? null : TopNgrams.Compute(model.Featurizer.Options, head.Linear, head.Classes, h.Texts),
                NgramNote = $"weights of the model's {h.Label} head; only n-grams that occur in {texts} can be named, so n-grams absent from them are not listed",
                ConfidentlyWrong = h.Texts.Count == 0 ? [] : Wrong(h.Actual, h.Predicted, h.Probabilities, i => h.Ids[i], i => h.Texts[i]),
                ExamplesNote = "units of the scored input whose given label differs from the model's call",
            });
        }
        var facts = new List<(string, string)>
        {
            ("input", string.Join(", ", inputs.Select(i => i == "-" ? "stdin" : Path.GetFileName(i)))),
            ("model", (modelPath is null ? "" : Path.GetFileName(modelPath) + " · ") + $"trained on {model.Info.DataFile} ({model.Info.Rows} rows), heads: "
                + string.Join(", ", model.Heads.Select(x => x.Label))),
            ("features", Features(model)),
        };
        return new ReportDocument("Stance — evaluation report", "Held-out evaluation on labeled input", facts, sections);
    }

    private static string Features(StanceModel model)
    {
        var o = model.Featurizer.Options;
        return $"word 1–{o.WordNgramMax}-grams + " + (o.UsesCharNgrams ? $"character {o.CharNgramMin}–{o.CharNgramMax}-grams" : "no character n-grams") + $", 2×2^{o.HashBits} hashed buckets, TF-IDF";
    }

    /// <summary>accuracy, macro-F1, then each class's F1 — the order of <see cref="FoldSpread.Compute"/>.</summary>
    private static double[] Pooled(ClassificationMetrics m) => [m.Accuracy, m.MacroF1, .. m.PerClass.Select(c => c.F1)];

    /// <summary>The misclassified rows with the highest probability on the wrong class, most confident first.</summary>
    public static IReadOnlyList<ReportExample> Wrong(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, IReadOnlyList<double[]> probabilities,
        Func<int, string> where, Func<int, string> text, int count = Examples) =>
        Enumerable.Range(0, actual.Count).Where(i => actual[i] != predicted[i])
            .OrderByDescending(i => probabilities[i][predicted[i]]).ThenBy(i => i).Take(count)
            .Select(i => new ReportExample(where(i), text(i), actual[i], predicted[i], probabilities[i][predicted[i]])).ToList();
}
