using Stance.Core.Common;
using System.Globalization;
using CsvHelper;

namespace Stance.Core.Output;

/// <summary>
/// Writes each CV fold's training and test rows as CSV (text and label columns), so another tool — the
/// scikit-learn peer — can be measured on exactly the same folds.
/// </summary>
public static class FoldExport
{
    public static void Write(string folder, LabeledData data, IReadOnlyList<(List<int> Train, List<int> Test)> folds)
    {
        for (int f = 0; f < folds.Count; f++)
        {
            WriteRows(Path.Combine(folder, $"fold-{f + 1}-train.csv"), data, folds[f].Train);
            WriteRows(Path.Combine(folder, $"fold-{f + 1}-test.csv"), data, folds[f].Test);
        }
    }

    /// <summary>
    /// Writes every tested row's out-of-fold prediction: its input line, then per head the given label,
    /// the predicted one and the class probabilities (rows never tested — an always-train group — are left out).
    /// </summary>
    public static void WriteOutOfFold(string path, LabeledData data, IReadOnlyList<Modeling.CrossValidationResult> results) => AtomicFile.Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        bool files = data.Files.Count > 1;   // with several input files, "line" is a line of the row's own file
        if (files) csv.WriteField("file");
        csv.WriteField("line");
        foreach (var r in results)
        {
            csv.WriteField(r.Label);
            csv.WriteField($"predicted_{r.Label}");
            foreach (var c in r.Classes) csv.WriteField($"p_{r.Label}_{c}");
        }
        csv.NextRecord();
        var at = results.Select(r => r.Rows.Select((row, i) => (row, i)).ToDictionary(p => p.row, p => p.i)).ToList();
        foreach (int row in results[0].Rows)
        {
            if (files) csv.WriteField(Path.GetFileName(data.SourceOf(row)));
            csv.WriteField(data.Lines[row]);
            for (int h = 0; h < results.Count; h++)
            {
                var r = results[h];
                int i = at[h][row];
                csv.WriteField(r.Classes[r.Actual[i]]);
                csv.WriteField(r.Classes[r.Predicted[i]]);
                foreach (double p in r.Probabilities[i]) csv.WriteField(p.ToString("0.######", CultureInfo.InvariantCulture));
            }
            csv.NextRecord();
        }
    });

    private static void WriteRows(string path, LabeledData data, IReadOnlyList<int> rows) => AtomicFile.Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
        using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        csv.WriteField(data.TextColumn);
        foreach (var l in data.LabelColumns) csv.WriteField(l);
        csv.NextRecord();
        foreach (int r in rows)
        {
            csv.WriteField(data.Texts[r]);
            foreach (var labels in data.Labels) csv.WriteField(labels[r]);
            csv.NextRecord();
        }
    });
}
