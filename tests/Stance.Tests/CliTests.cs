using Stance.Core.Common;
namespace Stance.Tests;

/// <summary>Train and Score end to end as processes, on the small fixture CSV.</summary>
public class CliTests
{
    /// <summary>A model trained without CV (fast) on the small fixture.</summary>
    private static string TrainSmall(string dir)
    {
        var model = Path.Combine(dir, "model.zip");
        var r = Cli.Train("--data", Cli.Fixture("small.csv"), "--model", model, "--label-column", "stance", "--label-column", "sentiment",
            "--folds", "0", "--hash-bits", "16");
        Assert.True(r.ExitCode == 0, r.Stderr);
        return model;
    }

    [Fact]
    public void TrainPrintsCrossValidatedMetricsAndConfusionMatrixPerHeadAndWritesTheModel()
    {
        var dir = Cli.TempDir();
        var model = Path.Combine(dir, "model.zip");
        var r = Cli.Train("--data", Cli.Fixture("small.csv"), "--model", model, "--label-column", "stance", "--label-column", "sentiment", "--folds", "3", "--hash-bits", "16");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("rows: 90", r.Stdout);
        Assert.Contains("critical 30  neutral 30  pro-government 30", r.Stdout);
        Assert.Contains("== stance: 3-fold stratified cross-validation", r.Stdout);
        Assert.Contains("== sentiment: 3-fold stratified cross-validation", r.Stdout);
        Assert.Matches(@"total\s+\d+\s+\d+\s+\d+\s+90", r.Stdout);
        Assert.Contains("macro avg", r.Stdout);
        Assert.Matches(@"cross-validation fits: 3 folds in \d+\.\d\d s", r.Stdout);
        Assert.True(File.Exists(model));
        Assert.Equal(["model.zip"], Directory.GetFiles(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void GroupedCrossValidationHoldsOutWholeGroupsAndReportsOnlyTestedRows()
    {
        var dir = Cli.TempDir();
        var data = Path.Combine(dir, "grouped.csv");
        var lines = File.ReadAllLines(Cli.Fixture("small.csv"));
        // Add a group column: the first 60 rows "authored", the rest split into articles x, y, z.
        File.WriteAllLines(data, lines.Select((l, i) => i == 0 ? l + ",source" : l + "," + (i <= 60 ? "authored" : "art" + (i % 3))));
        var r = Cli.Train("--data", data, "--model", Path.Combine(dir, "m.zip"), "--group-column", "source", "--always-train", "authored",
            "--hash-bits", "14", "--lambda", "0.001", "--export-folds", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("3-fold grouped cross-validation by source, \"authored\" rows always in training; 30 out-of-fold predictions", r.Stdout);
        Assert.Equal(30, File.ReadAllLines(Path.Combine(dir, "fold-1-test.csv")).Length - 1 + File.ReadAllLines(Path.Combine(dir, "fold-2-test.csv")).Length - 1
            + File.ReadAllLines(Path.Combine(dir, "fold-3-test.csv")).Length - 1);
        var filtered = Cli.Train("--data", data, "--model", Path.Combine(dir, "m2.zip"), "--where", "source=authored", "--folds", "0", "--hash-bits", "14");
        Assert.True(filtered.ExitCode == 0, filtered.Stderr);
        Assert.Contains("rows: 60  left out by --where: 30", filtered.Stdout);
    }

    [Fact]
    public void ScoreWritesOneRowPerInputWithProbabilitiesAndEvaluatesLabeledInput()
    {
        var dir = Cli.TempDir();
        var model = TrainSmall(dir);
        var outCsv = Path.Combine(dir, "out.csv");
        var r = Cli.Score("--model", model, "--format", "csv", "--out", outCsv, Cli.Fixture("small.csv"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("== stance: evaluation on 90 labeled units ==", r.Stdout);
        Assert.Contains("confusion matrix (rows = actual, columns = predicted)", r.Stdout);
        var rows = Stance.Core.Common.CsvSource.Open(outCsv);
        Assert.Equal("id", rows.Header[0]);
        Assert.Contains("predicted_stance", rows.Header);
        Assert.Contains("p_sentiment_positive", rows.Header);
        var records = rows.Records().ToList();
        Assert.Equal(90, records.Count);
        var ids = Stance.Core.Common.LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance"]);
        int pAt = Array.IndexOf(rows.Header, "p_stance_critical");
        foreach (var rec in records)
        {
            double sum = 0;
            for (int k = 0; k < 3; k++) sum += double.Parse(rec.Fields[pAt + k], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(1.0, sum, 4);
        }
    }

    [Fact]
    public void ScoreReadsArticlesAndStdinAndWritesJsonl()
    {
        var dir = Cli.TempDir();
        var model = TrainSmall(dir);
        var article = Path.Combine(dir, "a.txt");
        // Wrapped at a real width: the unit filter takes two short lines joined ("First paragraph" / "wrapped line.") for furniture.
        File.WriteAllText(article, "Blackouts return to Holguín this week\n\nElectricity went out again across Holguín on Tuesday, and the\nutility said repairs at the Felton plant would take at least a week.\n\nSecond paragraph.\n");
        var r = Cli.Score("--model", model, "--format", "jsonl", article);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);                      // three units, then the article record
        Assert.Contains("\"kind\":\"article\"", lines[3]);
        Assert.Contains("\"text\":\"Electricity went out again across Holguín on Tuesday, and the utility said repairs at the Felton plant would take at least a week.\"", lines[1]);
        Assert.Contains("\"id\":\"a.txt:2\"", lines[1]);

        var stdin = Cli.Run("Stance.Score.dll", ["--model", model, "--format", "csv", "-"], "id,text\nx1,Viva la revolución\nx2,Abajo la dictadura\n");
        Assert.True(stdin.ExitCode == 0, stdin.Stderr);
        var outLines = stdin.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, outLines.Length);
        Assert.StartsWith("x1,stdin,", outLines[1]);
        Assert.StartsWith("x2,stdin,", outLines[2]);
    }

    [Fact]
    public void ScoreDropsArticleLinesMatchingABoilerplateFileAndReportsABadPattern()
    {
        var dir = Cli.TempDir();
        var model = TrainSmall(dir);
        var article = Path.Combine(dir, "a.txt");
        File.WriteAllText(article, "Blackouts return to Holguín this week\n\nFirst paragraph.\n\nSponsored: read our partner offers\n\nSecond paragraph.\n");
        var patterns = Path.Combine(dir, "extra.txt");
        File.WriteAllText(patterns, "# this outlet's promotions\n^Sponsored:\n");
        var r = Cli.Score("--model", model, "--format", "jsonl", "--boilerplate", patterns, article);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(3 + 1, r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);   // 3 units + the article record
        Assert.DoesNotContain("Sponsored", r.Stdout);

        File.WriteAllText(patterns, "# this outlet's promotions\n^Sponsored:(\n");
        AssertBadInput(Cli.Score("--model", model, "--format", "jsonl", "--boilerplate", patterns, article), "extra.txt, line 2", "invalid regular expression");
    }

    [Fact]
    public void CsvOnStdinKeepsEveryColumnAsAFileDoes()
    {
        var dir = Cli.TempDir();
        var model = TrainSmall(dir);
        const string input = "id,text,stance,extra\nq1,\"The regime jailed another journalist this week.\",critical,from-a-pipe\n";
        var piped = Cli.Run("Stance.Score.dll", ["--model", model, "--format", "csv", "-"], input);
        Assert.True(piped.ExitCode == 0, piped.Stderr);
        var file = Path.Combine(dir, "in.csv");
        File.WriteAllText(file, input);
        var fromFile = Cli.Score("--model", model, "--format", "csv", file);
        var header = piped.Stdout.Split('\n')[0];
        Assert.Equal(fromFile.Stdout.Split('\n')[0], header);
        Assert.Contains(",stance,extra,", header);
        Assert.Contains(",critical,from-a-pipe,", piped.Stdout);
        Assert.Contains("== stance: evaluation on 1 labeled units", piped.Stderr);
    }

    [Fact]
    public void BadJsonlRecordsFailAfterTheGoodOnesOrAreSkippedIntoRejects()
    {
        var dir = Cli.TempDir();
        var model = TrainSmall(dir);
        const string lines = "{\"text\":\"The regime jailed another journalist.\"}\n{\"body\":\"no text\"}\nnot json\n{\"text\":\"Cuba will be free one day.\"}\n";
        // fail (default): the record before the bad one is written, then one error line, exit 2.
        var failed = Cli.Run("Stance.Score.dll", ["--model", model, "--format", "csv", "-"], lines);
        Assert.Equal(2, failed.ExitCode);
        Assert.Contains("stdin, line 2: no \"text\" field", failed.Stderr);
        Assert.Equal(2, failed.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);   // header + the good record
        // A run that fails before any record writes no header.
        var early = Cli.Run("Stance.Score.dll", ["--model", model, "--format", "csv", "-"], "{\"body\":\"x\"}\n");
        Assert.Equal(2, early.ExitCode);
        Assert.Equal("", early.Stdout);
        // skip: a .jsonl file argument, every good record scored, the bad ones in --rejects with line and reason.
        var input = Path.Combine(dir, "in.jsonl");
        File.WriteAllText(input, lines);
        string rejects = Path.Combine(dir, "rejects.csv"), output = Path.Combine(dir, "out.jsonl");
        var skipped = Cli.Score("--model", model, "--format", "jsonl", "--on-bad-record", "skip", "--rejects", rejects, "--out", output, input);
        Assert.True(skipped.ExitCode == 0, skipped.Stderr);
        Assert.Equal(2, File.ReadAllLines(output).Length);
        Assert.Contains("scored 2 units, not scored 0", skipped.Stderr);
        Assert.Contains("rejected 2", skipped.Stderr);
        var rejected = File.ReadAllLines(rejects);
        Assert.Equal("source,line,reason,record", rejected[0]);
        Assert.Equal(3, rejected.Length);
        Assert.Contains(",2,", rejected[1]);
        Assert.Contains(",3,", rejected[2]);
        // skip needs somewhere to keep what it skips.
        AssertBadInput(Cli.Score("--model", model, "--on-bad-record", "skip", input), "--rejects");
    }

    [Fact]
    public void BoundedBadCsvRecordsAreSkippedIntoRejectsAndUnboundedOnesStillFail()
    {
        var dir = Cli.TempDir();
        var model = TrainSmall(dir);
        var input = Path.Combine(dir, "in.csv");
        // Line 3: a field too many; line 4: a stray quote in an unquoted field; lines 2 and 5 are good.
        File.WriteAllText(input, "id,text\n1,The regime jailed another journalist.\n2,one,two\n3,a \"quoted\" word\n4,Cuba will be free one day.\n");
        string rejects = Path.Combine(dir, "rejects.csv"), output = Path.Combine(dir, "out.csv");
        var failed = Cli.Score("--model", model, "--format", "csv", "--out", output, input);
        AssertBadInput(failed, "in.csv, line 3, column 3: expected 2 fields as in the header, found 3");
        Assert.False(File.Exists(output));
        var skipped = Cli.Score("--model", model, "--format", "csv", "--on-bad-record", "skip", "--rejects", rejects, "--out", output, input);
        Assert.True(skipped.ExitCode == 0, skipped.Stderr);
        Assert.Equal(3, File.ReadAllLines(output).Length);   // header + the two good records
        Assert.Contains("scored 2 units, not scored 0", skipped.Stderr);
        Assert.Contains("rejected 2", skipped.Stderr);
        var rejected = File.ReadAllLines(rejects);
        Assert.Equal(3, rejected.Length);
        Assert.StartsWith($"{input},3,", rejected[1]);
        Assert.EndsWith(",\"2,one,two\"", rejected[1]);
        Assert.StartsWith($"{input},4,", rejected[2]);
        Assert.Contains("a quote inside an unquoted field", rejected[2]);
        // An unclosed quote swallows the rest of the input: where the record ends is unknown, so it still fails.
        File.WriteAllText(input, "id,text\n1,fine\n2,\"never closed\n3,more\n");
        AssertBadInput(Cli.Score("--model", model, "--on-bad-record", "skip", "--rejects", rejects, input), "unbalanced quote");
    }

    [Fact]
    public void TreeOptionsTakeMlNetNamesAndTheOldOnesAndAreCheckedAtTheEdge()
    {
        var dir = Cli.TempDir();
        var model = Path.Combine(dir, "trees.zip");
        var ok = Cli.Train("--data", Cli.Fixture("small.csv"), "--model", model, "--folds", "0", "--hash-bits", "12", "--features", "ngrams",
            "--trainer", "lightgbm", "--number-of-trees", "5", "--leaves", "4", "--min-leaf", "3");
        Assert.True(ok.ExitCode == 0, ok.Stderr);
        Assert.Contains("lightgbm on 15 features", ok.Stdout);
        AssertBadInput(Cli.Train("--data", Cli.Fixture("small.csv"), "--model", model, "--trainer", "fasttree", "--leaves", "1"), "--number-of-leaves: expected at least 2");
        AssertBadInput(Cli.Train("--data", Cli.Fixture("small.csv"), "--model", model, "--learning-rate", "0"), "--learning-rate: expected a number in (0, 1]");
        AssertBadInput(Cli.Train("--data", Cli.Fixture("small.csv"), "--model", model, "--early-stopping", "5"), "unknown option --early-stopping");
    }

    [Fact]
    public void PlainLinesAndHeaderlessCsvAreInputsToo()
    {
        var dir = Cli.TempDir();
        var model = TrainSmall(dir);
        var lines = Cli.Run("Stance.Score.dll", ["--model", model, "--input-format", "text", "--format", "csv", "-"],
            "The regime jailed another journalist.\nDespite the blockade, our doctors save lives.\n");
        Assert.True(lines.ExitCode == 0, lines.Stderr);
        var rows = lines.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("stdin:2,stdin,2,text,\"Despite the blockade", rows[2]);
        var headerless = Cli.Run("Stance.Score.dll", ["--model", model, "--no-header", "--text-column", "2", "--format", "csv", "-"],
            "7,\"The regime jailed another journalist.\",x\n8,\"Cuba will be free one day.\",y\n");
        Assert.True(headerless.ExitCode == 0, headerless.Stderr);
        rows = headerless.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("id,source,unit,kind,text,status,1,3,", rows[0]);
        Assert.Contains(",ok,8,y,", rows[2]);
    }

    [Fact]
    public void PartsScoredInParallelConcatenateToOneRunAsAMapperWould()
    {
        var dir = Cli.TempDir();
        var model = TrainSmall(dir);
        var texts = File.ReadAllLines(Cli.Fixture("small.csv")).Skip(1).Select(l => l.Split(',')[1].Trim('"')).ToArray();
        var records = Enumerable.Range(0, 900).Select(i => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = $"d{i}", ["text"] = texts[i % texts.Length] + " " + i })).ToList();
        string Run(IEnumerable<string> part) => Cli.Run("Stance.Score.dll", ["--model", model, "--format", "jsonl", "-"], string.Join("\n", part) + "\n").Stdout;
        var parts = records.Chunk(300).ToArray();
        var outputs = new string[parts.Length];
        Parallel.For(0, parts.Length, p => outputs[p] = Run(parts[p]));
        // Equal record for record, but for "unit", the row number within each input.
        static string[] WithoutUnit(string jsonl) => jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => { var o = System.Text.Json.Nodes.JsonNode.Parse(l)!.AsObject(); o.Remove("unit"); return o.ToJsonString(); }).ToArray();
        var whole = WithoutUnit(Run(records));
        Assert.Equal(900, whole.Length);
        Assert.Equal(whole, WithoutUnit(string.Concat(outputs)));
    }

    [Fact]
    public async Task OnAPipeEachRecordComesOutBeforeTheInputEnds()
    {
        var dir = Cli.TempDir();
        var model = TrainSmall(dir);
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Stance.Score.dll"), "--model", model, "--format", "jsonl", "-" }) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        // One record in, one record out, while stdin stays open: what a streaming mapper needs.
        foreach (var (id, text) in new[] { ("a1", "The regime jailed another journalist."), ("a2", "Cuba will be free one day.") })
        {
            p.StandardInput.WriteLine($"{{\"id\":\"{id}\",\"text\":\"{text}\"}}");
            p.StandardInput.Flush();
            var line = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));   // throws if nothing came out
            Assert.Contains($"\"id\":\"{id}\"", line);
        }
        p.StandardInput.Close();
        Assert.Null(await p.StandardOutput.ReadLineAsync());
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, await stderr);
    }

    [Fact]
    public void AMistypedOptionIsNamedWithTheNearestRealOne()
    {
        var score = Cli.Score("--model", "m.zip", "--fromat", "csv", "in.csv");
        AssertBadInput(score, "unknown option --fromat (did you mean --format?)");
        AssertBadInput(Cli.Train("--data", "d.csv", "--model", "m.zip", "--lable-column=stance"), "unknown option --lable-column (did you mean --label-column?)");
        AssertBadInput(Cli.Score("--model", "m.zip", "--zzzzzzzz", "in.csv"), "unknown option --zzzzzzzz (see --help)");
    }

    private static void AssertBadInput(Cli.Result r, params string[] fragments)
    {
        Assert.Equal(2, r.ExitCode);
        var err = r.Stderr.Trim();
        Assert.DoesNotContain("\n", err);
        Assert.DoesNotContain("   at ", err);
        foreach (var f in fragments) Assert.Contains(f, err);
    }

    private static (Cli.Result Result, string Dir) TrainOn(string csv, params string[] extra)
    {
        var dir = Cli.TempDir();
        var data = Path.Combine(dir, "data.csv");
        File.WriteAllBytes(data, System.Text.Encoding.UTF8.GetBytes(csv));
        var r = Cli.Train(["--data", data, "--model", Path.Combine(dir, "m.zip"), "--hash-bits", "12", .. extra]);
        Assert.False(File.Exists(Path.Combine(dir, "m.zip")), "no model may be written on bad input");
        Assert.Single(Directory.GetFiles(dir));
        return (r, dir);
    }

    private static string Rows(int perClass) => string.Concat(Enumerable.Range(0, perClass).Select(i =>
        $"text number {i} is critical,critical\ntext number {i} is neutral,neutral\n"));

    [Fact]
    public void MissingFileAndMissingColumnAreClearErrors()
    {
        AssertBadInput(Cli.Train("--data", "/nonexistent/x.csv", "--model", Path.Combine(Cli.TempDir(), "m.zip")), "x.csv", "not found");
        var (r, _) = TrainOn("body,stance\n" + Rows(5));
        AssertBadInput(r, "data.csv", "no column \"text\"", "found: body, stance");
    }

    [Fact]
    public void EmptyTextIsAnErrorNamingLineAndColumn()
    {
        var (r, _) = TrainOn("text,stance\n" + Rows(5) + ",critical\n");
        AssertBadInput(r, "data.csv, line 12, column 1 (text)", "empty text");
    }

    [Fact]
    public void AClassWithFewerRowsThanFoldsIsAnError()
    {
        var (r, _) = TrainOn("text,stance\n" + Rows(5) + "a lone one,pro-government\n", "--folds", "5");
        AssertBadInput(r, "line 12", "\"pro-government\"", "fewer than the 5 CV folds");
    }

    [Fact]
    public void InvalidUtf8IsReportedWhereItIs()
    {
        var dir = Cli.TempDir();
        var data = Path.Combine(dir, "data.csv");
        var bytes = System.Text.Encoding.UTF8.GetBytes("text,stance\n" + Rows(5)).Concat(new byte[] { (byte)'c', (byte)'a', 0xE9, (byte)',', (byte)'x', (byte)'\n' }).ToArray();
        File.WriteAllBytes(data, bytes);
        var r = Cli.Train("--data", data, "--model", Path.Combine(dir, "m.zip"));
        AssertBadInput(r, "line 12", "invalid UTF-8", "0xE9");
        Assert.Single(Directory.GetFiles(dir));
    }

    [Fact]
    public void UnbalancedQuoteAndHeaderOnlyAndEmptyFileAreErrors()
    {
        var (quote, _) = TrainOn("text,stance\n" + Rows(5) + "\"never closed,critical\nmore,neutral\n");
        AssertBadInput(quote, "line 12, column 1 (text)", "never closed");
        var (header, _) = TrainOn("text,stance\n");
        AssertBadInput(header, "no data rows");
        var (empty, _) = TrainOn("");
        AssertBadInput(empty, "empty file");
        var (fields, _) = TrainOn("text,stance\n" + Rows(5) + "a,b,c\n");
        AssertBadInput(fields, "line 12", "expected 2 fields");
    }

    [Fact]
    public void ALabelNeverSeenInTrainingIsAnErrorInEvaluation()
    {
        var dir = Cli.TempDir();
        var model = TrainSmall(dir);
        var test = Path.Combine(dir, "test.csv");
        File.WriteAllText(test, "text,stance\nsome text,critical\nother text,sarcastic\n");
        var r = Cli.Score("--model", model, "--format", "csv", "--out", Path.Combine(dir, "o.csv"), test);
        AssertBadInput(r, "test.csv, line 3, column 2 (stance)", "\"sarcastic\" was never seen");
        Assert.False(File.Exists(Path.Combine(dir, "o.csv")));
    }

    [Fact]
    public void BadUsageExitsWithTwo()
    {
        AssertBadInput(Cli.Train("--model", "x.zip"), "--data");
        AssertBadInput(Cli.Score("--model", "/nonexistent/m.zip", Cli.Fixture("small.csv")), "m.zip", "not found");
        AssertBadInput(Cli.Train("--data", Cli.Fixture("small.csv"), "--model", "/nonexistent-folder/m.zip"), "does not exist");
        AssertBadInput(Cli.Train("--data", Cli.Fixture("small.csv"), "--model", "m.zip", "--lambda", "0.001", "--lambda-search"), "--lambda-search", "not with --lambda");
    }
}
