using System.Globalization;
using CsvHelper;
using Stance.Core.Modeling;
using Stance.Core.Common;

namespace Stance.Core.Reports;

/// <summary>
/// Rows that are probably mislabeled, found the confident-learning way (Northcutt et al. 2021) from
/// out-of-fold probabilities, which never come from a model that saw the row: the threshold of class c
/// is its average self-confidence t_c, the mean out-of-fold probability of c over the rows labeled c. A
/// row labeled y is a suspect when p(y) &lt; t_y and the most probable other class s beats it and is
/// confidently there, p(s) &gt; p(y) and p(s) ≥ t_s (the row lies off the diagonal of cleanlab's
/// confident joint); s is the suggested label. Suspects are ranked by p(y), lowest first (cleanlab's
/// "self_confidence" ranking), then by the suggested class's probability, highest first. Rows never
/// tested (an always-train group) are not examined.
/// </summary>
public static class LabelSuspects
{
    /// <summary>t_c: the mean probability of class c over the rows labeled c (0 for a class without rows).</summary>
    public static double[] SelfConfidence(int classes, IReadOnlyList<int> actual, IReadOnlyList<double[]> probabilities)
    {
        var sum = new double[classes];
        var count = new int[classes];
        for (int i = 0; i < actual.Count; i++) { sum[actual[i]] += probabilities[i][actual[i]]; count[actual[i]]++; }
        return Enumerable.Range(0, classes).Select(c => count[c] == 0 ? 0 : sum[c] / count[c]).ToArray();
    }

    public static IReadOnlyList<LabelSuspect> Find(CrossValidationResult cv) =>
        Find(cv.Label, cv.Classes, cv.Rows, cv.Actual, cv.Probabilities);

    public static IReadOnlyList<LabelSuspect> Find(string column, IReadOnlyList<string> classes, IReadOnlyList<int> rows,
        IReadOnlyList<int> actual, IReadOnlyList<double[]> probabilities)
    {
        var threshold = SelfConfidence(classes.Count, actual, probabilities);
        var result = new List<LabelSuspect>();
        for (int i = 0; i < rows.Count; i++)
        {
            var p = probabilities[i];
            int given = actual[i];
            if (p[given] >= threshold[given]) continue;
            int best = -1;
            for (int k = 0; k < p.Length; k++) if (k != given && (best < 0 || p[k] > p[best])) best = k;
            if (best < 0 || p[best] < threshold[best] || p[best] <= p[given]) continue;
            result.Add(new LabelSuspect(column, classes, rows[i], given, best, p[given], p[best], threshold[given], p));
        }
        return Rank(result);
    }

    public static IReadOnlyList<LabelSuspect> Rank(IEnumerable<LabelSuspect> suspects) =>
        suspects.OrderBy(s => s.GivenProbability).ThenByDescending(s => s.SuggestedProbability)
            .ThenBy(s => s.Row).ThenBy(s => s.Column, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Writes the suspects of every head, ranked together, as CSV (atomically): rank, line (in the input
    /// file), id (when the file has an id column), label_column, given, suggested, p_given, p_suggested,
    /// threshold, text, then p_&lt;column&gt;_&lt;class&gt; for every head's classes (empty for other heads).
    /// </summary>
    public static IReadOnlyList<LabelSuspect> Write(string path, LabeledData data, IReadOnlyList<CrossValidationResult> cv)
    {
        var suspects = Rank(cv.SelectMany(Find));
        var ids = RowIds.Read(data);
        var probabilityColumns = cv.SelectMany(r => r.Classes.Select(c => (r.Label, Class: c))).ToList();
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
            string[] header = ["rank", "line", "id", "label_column", "given", "suggested", "p_given", "p_suggested", "threshold", "text"];
            foreach (var h in header) csv.WriteField(h);
            foreach (var (label, c) in probabilityColumns) csv.WriteField($"p_{label}_{c}");
            csv.NextRecord();
            int rank = 0;
            foreach (var s in suspects)
            {
                csv.WriteField((++rank).ToString(CultureInfo.InvariantCulture));
                csv.WriteField(data.Lines[s.Row].ToString(CultureInfo.InvariantCulture));
                csv.WriteField(ids?[s.Row] ?? "");
                csv.WriteField(s.Column);
                csv.WriteField(s.Classes[s.Given]);
                csv.WriteField(s.Classes[s.Suggested]);
                csv.WriteField(Format(s.GivenProbability));
                csv.WriteField(Format(s.SuggestedProbability));
                csv.WriteField(Format(s.Threshold));
                csv.WriteField(data.Texts[s.Row]);
                foreach (var (label, c) in probabilityColumns)
                    csv.WriteField(label == s.Column ? Format(s.Probabilities[s.Classes.ToList().IndexOf(c)]) : "");
                csv.NextRecord();
            }
        });
        return suspects;
    }

    private static string Format(double v) => v.ToString("0.0000", CultureInfo.InvariantCulture);
}
