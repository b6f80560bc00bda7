using Stance.Core.Common;
using System.Globalization;
using Stance.Core.Evaluation;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Modeling;
using Stance.Core.Input;
using Stance.Core.Reports;

namespace Stance.Tests;

/// <summary>The numbers of the report (ECE, fold spread), label suspects, uncertainty sampling, and the report file.</summary>
public class ReportTests
{
    // ---- calibration ------------------------------------------------------------------------------

    [Fact]
    public void ExpectedCalibrationErrorMatchesHandComputedValue()
    {
        // confidences .95 (right), .85 (wrong), .70 (right), .60 (right), .55 (wrong); bins of width 0.1, right-closed:
        // (0.9,1]: n1 |1 − .95| = .05; (0.8,0.9]: n1 |0 − .85| = .85; (0.6,0.7]: n1 |1 − .7| = .3 (0.7 stays in its bin);
        // (0.5,0.6]: n2, mean conf .575, acc .5, gap .075.  ECE = (.05 + .85 + .3)/5 + 2/5 · .075 = .27.
        var cal = Calibration.Compute([0, 1, 1, 0, 1], [[0.95, 0.05], [0.85, 0.15], [0.3, 0.7], [0.6, 0.4], [0.55, 0.45]]);
        Assert.Equal(0.27, cal.ExpectedCalibrationError, 12);
        Assert.Equal(0.85, cal.MaximumCalibrationError, 12);
        Assert.Equal(10, cal.Bins.Count);
        Assert.Equal([0, 0, 0, 0, 0, 2, 1, 0, 1, 1], cal.Bins.Select(b => b.Count));
        Assert.Equal(0.575, cal.Bins[5].MeanConfidence, 12);
        Assert.Equal(0.5, cal.Bins[5].Accuracy, 12);
        Assert.Equal(2, Calibration.BinOf(0.3, 10));
        Assert.Equal(3, Calibration.BinOf(0.1 + 0.2, 10));
        Assert.Equal(0, Calibration.BinOf(0, 10));
        Assert.Equal(9, Calibration.BinOf(1, 10));
        // A perfectly calibrated set: confidence .75 with 3 of 4 right.
        var perfect = Calibration.Compute([0, 0, 0, 1], [[0.75, 0.25], [0.75, 0.25], [0.75, 0.25], [0.75, 0.25]]);
        Assert.Equal(0, perfect.ExpectedCalibrationError, 12);
    }

    [Fact]
    public void FoldSpreadMatchesHandComputedValues()
    {
        // Fold 1 = rows 0..2: actual a a b, predicted a b b → accuracy 2/3, F1 a = F1 b = 2/3, macro 2/3.
        // Fold 2 = rows 3..6: actual a b b b, predicted b b b b → accuracy 3/4, F1 a = 0, F1 b = 6/7, macro 3/7.
        // The out-of-fold arrays are given in another order than the folds, as row numbers say where each belongs.
        int[] rows = [6, 5, 4, 3, 2, 1, 0];
        int[] actual = [1, 1, 1, 0, 1, 0, 0];
        int[] predicted = [1, 1, 1, 1, 1, 1, 0];
        var spread = FoldSpread.Compute(["a", "b"], [[0, 1, 2], [3, 4, 5, 6]], rows, actual, predicted);
        Assert.Equal(["accuracy", "macro-F1", "F1 a", "F1 b"], spread.Select(s => s.Name));
        Assert.Equal(17.0 / 24, spread[0].Mean, 12);
        Assert.Equal(1.0 / 24, spread[0].StandardDeviation, 12);
        Assert.Equal(2.0 / 3, spread[0].Min, 12);
        Assert.Equal(3.0 / 4, spread[0].Max, 12);
        Assert.Equal(23.0 / 42, spread[1].Mean, 12);
        Assert.Equal(5.0 / 42, spread[1].StandardDeviation, 12);
        Assert.Equal(2.0 / 3, spread[2].PerFold[0], 12);
        Assert.Equal(0, spread[2].PerFold[1], 12);
        Assert.Equal(1.0 / 3, spread[2].StandardDeviation, 12);
        Assert.Equal(16.0 / 21, spread[3].Mean, 12);
        Assert.Equal(2.0 / 21, spread[3].StandardDeviation, 12);
    }

    [Fact]
    public void FoldSpreadReproducesTheTrainersPerFoldMacroF1()
    {
        var data = LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance"]);
        var (_, cv) = new ModelTrainer(new TrainOptions { Folds = 3, Featurizer = new FeaturizerOptions { HashBits = 12 }, Trainer = new() { Trainer = TrainerKind.Linear, Linear = new() { Lambda = 1e-3 } } }).Train(data);
        var r = cv[0];
        var spread = FoldSpread.Compute(r.Classes, r.Folds.Select(f => (IReadOnlyList<int>)f.Test), r.Rows, r.Actual, r.Predicted);
        for (int f = 0; f < 3; f++) Assert.Equal(r.FoldMacroF1[f], spread[1].PerFold[f], 12);
    }

    // ---- n-grams ----------------------------------------------------------------------------------

    [Fact]
    public void NgramEnumerationFindsExactlyTheBucketsTheFeaturizerCounts()
    {
        var options = new FeaturizerOptions { HashBits = 14 };
        var counter = new TermCounter(options);
        foreach (var text in new[] { "Sixty years of “revolution” and we still queue four hours for chicken!!", "Díaz-Canel visitó 410.8 km #Cuba @granma ¿no?", "" })
        {
            var buckets = new SortedSet<int>();
            TopNgrams.Enumerate(options, text, null, (b, _, _) => buckets.Add(b));
            Assert.Equal(counter.Count(text).Columns, buckets);
        }
    }

    [Fact]
    public void TopNgramsNameEachClassByItsOwnWords()
    {
        var dir = Cli.TempDir();
        var (csv, _) = Synthetic(dir, perClass: 30, flip: []);
        var data = LabeledData.Load(csv, "text", ["stance"]);
        var (model, _) = new ModelTrainer(new TrainOptions { Folds = 0, Featurizer = new FeaturizerOptions { HashBits = 14 }, Trainer = new() { Trainer = TrainerKind.Linear, Linear = new() { Lambda = 1e-3 } } }).Train(data);
        var top = TopNgrams.Compute(model.Featurizer.Options, model.Heads[0].Linear!, model.Heads[0].Classes, data.Texts, words: 5, characters: 3);
        Assert.Equal(["critical", "neutral", "pro-government"], top.Select(t => t.Class));
        for (int c = 0; c < 3; c++)
        {
            Assert.Equal(5, top[c].Words.Count);
            Assert.Equal(3, top[c].Characters.Count);
            Assert.Contains(top[c].Words[0].Text, Vocabulary[c]);
            Assert.True(top[c].Words.Zip(top[c].Words.Skip(1)).All(p => p.First.Weight >= p.Second.Weight));
        }
    }

    // ---- suspects ---------------------------------------------------------------------------------

    private static readonly string[][] Vocabulary =
    [
        ["regime", "repression", "dictatorship", "prisoners", "censorship", "queues", "blackouts", "exile", "arrests", "shortages", "failure", "propaganda"],
        ["ministry", "announced", "meeting", "schedule", "statistics", "visit", "delegation", "report", "agenda", "official", "tuesday", "figures"],
        ["blockade", "sovereignty", "revolution", "heroic", "solidarity", "doctors", "imperialist", "victory", "homeland", "mercenaries", "brigade", "achievement"],
    ];
    private static readonly string[] Classes = ["critical", "neutral", "pro-government"];

    /// <summary>A clean 3-class set (each class with its own words plus shared fillers); rows in flip get the next class's label.
    /// Returns the CSV path and the flipped rows' line numbers.</summary>
    private static (string Csv, long[] FlippedLines) Synthetic(string dir, int perClass, int[] flip)
    {
        var rng = new SplitMix64(7);
        string[] fillers = ["the", "and", "of", "a", "in", "today", "people", "said"];
        var lines = new List<string> { "id,text,stance" };
        var flippedLines = new List<long>();
        for (int i = 0; i < 3 * perClass; i++)
        {
            int c = i % 3;
            var words = Enumerable.Range(0, 9).Select(j => j % 3 == 2 ? fillers[rng.NextInt(fillers.Length)] : Vocabulary[c][rng.NextInt(Vocabulary[c].Length)]);
            int label = flip.Contains(i) ? (c + 1) % 3 : c;
            if (flip.Contains(i)) flippedLines.Add(lines.Count + 1);
            lines.Add($"r{i},{string.Join(' ', words)},{Classes[label]}");
        }
        var path = Path.Combine(dir, "synthetic.csv");
        File.WriteAllLines(path, lines);
        return (path, flippedLines.ToArray());
    }

    [Fact]
    public void FlippedLabelsAreTheTopSuspects()
    {
        var dir = Cli.TempDir();
        int[] flip = [5, 40, 71, 100, 133];
        var (csv, flippedLines) = Synthetic(dir, perClass: 50, flip);
        var suspects = Path.Combine(dir, "suspects.csv");
        var r = Cli.Train("--data", csv, "--model", Path.Combine(dir, "m.zip"), "--folds", "5", "--hash-bits", "14", "--lambda", "0.001", "--suspects", suspects);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("suspects: ", r.Stdout);
        using var source = CsvSource.Open(suspects);
        Assert.Equal(["rank", "line", "id", "label_column", "given", "suggested", "p_given", "p_suggested", "threshold", "text",
            "p_stance_critical", "p_stance_neutral", "p_stance_pro-government"], source.Header);
        var records = source.Records().ToList();
        Assert.True(records.Count >= flip.Length);
        var top = records.Take(flip.Length).ToList();
        Assert.Equal(flippedLines.Order(), top.Select(t => long.Parse(t.Fields[1], CultureInfo.InvariantCulture)).Order());
        foreach (var t in top)
        {
            int row = int.Parse(t.Fields[2][1..], CultureInfo.InvariantCulture);
            Assert.Equal(Classes[row % 3], t.Fields[5]);              // suggested = the class the text was written for
            Assert.Equal(Classes[(row % 3 + 1) % 3], t.Fields[4]);    // given = the flipped label
            Assert.True(double.Parse(t.Fields[6], CultureInfo.InvariantCulture) < double.Parse(t.Fields[8], CultureInfo.InvariantCulture));
        }
        // Ranked by the given label's probability, lowest first.
        var pGiven = records.Select(x => double.Parse(x.Fields[6], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(pGiven.Order(), pGiven);
    }

    [Fact]
    public void SuspectsNeedTheGivenLabelBelowItsClassAverageAndAConfidentOtherClass()
    {
        // Class a: self-confidences .9, .8, .1 → t_a = .6; class b: .7, .9 → t_b = .8.
        int[] actual = [0, 0, 0, 1, 1];
        double[][] p = [[0.9, 0.1], [0.8, 0.2], [0.1, 0.9], [0.3, 0.7], [0.1, 0.9]];
        Assert.Equal([0.6, 0.8], LabelSuspects.SelfConfidence(2, actual, p).Select(v => Math.Round(v, 12)));
        var found = LabelSuspects.Find("x", ["a", "b"], [10, 11, 12, 13, 14], actual, p);
        // Row 12: p(a) = .1 < .6 and p(b) = .9 ≥ .8 → suspect. Row 13: p(b) = .7 < .8 but p(a) = .3 < .6 → not confident enough.
        var s = Assert.Single(found);
        Assert.Equal(12, s.Row);
        Assert.Equal(1, s.Suggested);
        Assert.Equal(0.1, s.GivenProbability, 12);
    }

    // ---- uncertainty ------------------------------------------------------------------------------

    private static ScoringUnit Unit(int i) => new($"u{i}", "in.csv", i + 2, $"text {i}", new Dictionary<string, string>(), "text");

    [Fact]
    public void SamplerKeepsTheSmallestMarginsAndBreaksTiesByEntropy()
    {
        var sampler = new UncertaintySampler(3, 0);
        // margin 0 with entropy of (.4,.4,.2) > (.45,.45,.1); then margins .1, .5 and many confident ones.
        sampler.Add(Unit(0), [[0.9, 0.05, 0.05]]);
        sampler.Add(Unit(1), [[0.45, 0.45, 0.1]]);
        sampler.Add(Unit(2), [[0.5, 0.4, 0.1]]);
        for (int i = 3; i < 200; i++) sampler.Add(Unit(i), [[0.8, 0.1, 0.1]]);
        sampler.Add(Unit(200), [[0.4, 0.4, 0.2]]);
        sampler.Add(Unit(201), [[0.7, 0.2, 0.1]]);
        Assert.Equal(["u200", "u1", "u2"], sampler.Result().Select(u => u.Unit.Id));
        Assert.Equal(0.1, sampler.Result()[2].Margin, 12);
        var (margin, entropy) = UncertaintySampler.Measure([0.5, 0.5]);
        Assert.Equal(0, margin, 12);
        Assert.Equal(Math.Log(2), entropy, 12);
    }

    [Fact]
    public void ScoreUncertainWritesExactlyNRowsReadyToLabelAndAReport()
    {
        var dir = Cli.TempDir();
        var model = Path.Combine(dir, "model.zip");
        var t = Cli.Train("--data", Cli.Fixture("small.csv"), "--model", model, "--label-column", "stance", "--label-column", "sentiment",
            "--folds", "0", "--hash-bits", "14", "--lambda", "0.001");
        Assert.True(t.ExitCode == 0, t.Stderr);
        // Unlabeled CSV input (30 rows) plus an article (3 units).
        var fixture = File.ReadAllLines(Cli.Fixture("small.csv"));
        var input = Path.Combine(dir, "new.csv");
        File.WriteAllLines(input, new[] { "id,text" }.Concat(fixture.Skip(1).Take(30).Select((l, i) => $"n{i},\"{Text(l)}\"")));
        var article = Path.Combine(dir, "page.txt");
        File.WriteAllText(article, "A headline about the blackout\n\nThe ministry said power would return on Friday.\n\nReaders were not convinced.\n");
        var toLabel = Path.Combine(dir, "to-label.csv");
        var scored = Path.Combine(dir, "scored.csv");
        var r = Cli.Score("--model", model, "--format", "csv", "--out", scored, "--uncertain", "7", "--uncertain-out", toLabel, input, article);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("uncertain: 7 of 33 units to label next", r.Stdout);

        using (var csv = CsvSource.Open(toLabel))
        {
            Assert.Equal(["id", "source", "kind", "text", "stance", "sentiment"], csv.Header);
            var rows = csv.Records().ToList();
            Assert.Equal(7, rows.Count);
            Assert.All(rows, x => { Assert.Equal("", x.Fields[4]); Assert.Equal("", x.Fields[5]); Assert.NotEqual("", x.Fields[3]); });
            // They are the 7 smallest stance margins of the scored output.
            using var all = CsvSource.Open(scored);
            int at = Array.IndexOf(all.Header, "p_stance_critical");
            int kindAt = Array.IndexOf(all.Header, "kind");
            var margins = all.Records().Where(x => x.Fields[kindAt] != "article").Select(x =>
            {
                var p = Enumerable.Range(0, 3).Select(k => double.Parse(x.Fields[at + k], CultureInfo.InvariantCulture)).OrderDescending().ToArray();
                return (Id: x.Fields[0], Margin: p[0] - p[1]);
            }).OrderBy(x => x.Margin).ToList();
            if (margins[7].Margin - margins[6].Margin > 1e-5)   // the CSV's probabilities are rounded to 6 places
                Assert.Equal(margins.Take(7).Select(m => m.Id).Order(), rows.Select(x => x.Fields[0]).Order());
            Assert.Contains(rows, x => x.Fields[1] == "page.txt" || x.Fields[1] == "new.csv");
        }
        // Filled in, the file is training data as it stands.
        var filled = File.ReadAllLines(toLabel).Select((l, i) => i == 0 ? l : l[..^2] + ",critical,negative");
        File.WriteAllLines(toLabel, filled);
        Assert.Equal(7, LabeledData.Load(toLabel, "text", ["stance", "sentiment"]).Count);

        // Fewer units than asked: all of them. And a report for labeled input.
        var report = Path.Combine(dir, "held-out.html");
        var few = Cli.Score("--model", model, "--format", "csv", "--out", Path.Combine(dir, "o.csv"), "--uncertain", "50", "--uncertain-out", toLabel,
            "--uncertain-head", "sentiment", "--report", report, article, Cli.Fixture("small.csv"));
        Assert.True(few.ExitCode == 0, few.Stderr);
        Assert.Contains("uncertain: 3 of 3 units to label next", few.Stdout);
        Assert.Contains("(90 already labeled skipped)", few.Stdout);
        Assert.Equal(4, File.ReadAllLines(toLabel).Length);
        var html = File.ReadAllText(report);
        AssertSelfContained(html);
        Assert.Contains("held-out evaluation on 90 labeled units", html);
        Assert.Contains("This data against the training cross-validation", html);

        Assert.Equal(2, Cli.Score("--model", model, "--uncertain", "5", input).ExitCode);
        Assert.Equal(2, Cli.Score("--model", model, "--report", report, input).ExitCode);
    }

    private static string Text(string csvLine)
    {
        using var csv = CsvSource.FromReader("x", new StringReader("id,text,stance,sentiment\n" + csvLine));
        return csv.Records().First().Fields[1].Replace("\"", "\"\"");
    }

    // ---- the report file --------------------------------------------------------------------------

    private static void AssertSelfContained(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("@import", html);
        // url() only for the report's own SVG patterns.
        for (int i = html.IndexOf("url(", StringComparison.Ordinal); i >= 0; i = html.IndexOf("url(", i + 1, StringComparison.Ordinal))
            Assert.Equal('#', html[i + 4]);
        Assert.Contains("@media print", html);
    }

    [Fact]
    public void TrainReportIsSelfContainedAndHasEverySectionPerLabelColumn()
    {
        var dir = Cli.TempDir();
        var report = Path.Combine(dir, "report.html");
        var r = Cli.Train("--data", Cli.Fixture("small.csv"), "--model", Path.Combine(dir, "m.zip"), "--label-column", "stance", "--label-column", "sentiment",
            "--folds", "3", "--hash-bits", "14", "--lambda", "0.001", "--report", report);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Matches(@"report: .*report\.html \(stance ECE \d\.\d{3}, sentiment ECE \d\.\d{3}\)", r.Stdout);
        var html = File.ReadAllText(report);
        AssertSelfContained(html);
        foreach (var label in new[] { "stance", "sentiment" }) Assert.Contains($"id=\"head-{label}\"", html);
        foreach (var section in new[] { "Confusion matrix", "Precision, recall and F1 per class", "Class distribution", "Spread across the 3 folds",
            "Reliability diagram — ECE", "Top n-grams per class", "Most confidently wrong" })
            Assert.Equal(2, CountOf(html, $"<h{(section.StartsWith("Top") || section.StartsWith("Most") ? 3 : 4)}>{System.Net.WebUtility.HtmlEncode(section)}"));
        Assert.Equal(2, CountOf(html, "<svg class=\"chart\" viewBox=\"0 0 ") / 5);
        Assert.Contains("3-fold stratified cross-validation (seed 42); 90 out-of-fold predictions", html);

        Assert.Equal(2, Cli.Train("--data", Cli.Fixture("small.csv"), "--model", Path.Combine(dir, "m2.zip"), "--folds", "0", "--report", report).ExitCode);
    }

    private static int CountOf(string s, string part)
    {
        int n = 0;
        for (int i = s.IndexOf(part, StringComparison.Ordinal); i >= 0; i = s.IndexOf(part, i + 1, StringComparison.Ordinal)) n++;
        return n;
    }
}
