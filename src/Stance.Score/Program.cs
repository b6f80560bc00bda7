using Stance.Core.Common;
using System.CommandLine;
using System.Text;
using Stance.Cli;
using Stance.Core.Evaluation;
using Stance.Core.Modeling;
using Stance.Core.Scoring;
using Stance.Core.Text;
using Stance.Core.Input;
using Stance.Core.Output;
using Stance.Core.Reports;

// Stance.Score: classify every text of the inputs, in order; evaluate when the input carries labels.
var model = new Option<string>("--model") { Description = "Model file (.zip) written by Stance.Train", Required = true };
var textColumn = new Option<string>("--text-column") { Description = "CSV column holding the text", DefaultValueFactory = _ => "text" };
var format = new Option<string?>("--format") { Description = "table | csv | jsonl (default: table on a terminal, csv otherwise)" };
format.AcceptOnlyFromAmong("table", "csv", "jsonl");
var output = new Option<string?>("--out") { Description = "Write predictions to this file (atomically) instead of stdout" };
var delimiter = new Option<string?>("--delimiter") { Description = "CSV field delimiter: one character, tab or semicolon (default: comma, or semicolon / tab when the header shows them)" };
var encoding = new Option<string>("--encoding") { Description = "Encoding of the inputs: utf8, or latin1 (ISO-8859-1 / Windows-1252)", DefaultValueFactory = _ => "utf8" };
var maxMemory = new Option<string?>("--max-memory") { Description = "Memory budget, e.g. 2g: a model or text estimated to need more is refused with an error (default: 3/4 of the memory available)" };
var boilerplate = new Option<string?>("--boilerplate") { Description = "File of extra boilerplate patterns for .txt articles: one regular expression per line, # comments" };
var explain = new Option<int>("--explain") { Description = "Add to each unit the K n-grams that pushed most toward its predicted class", DefaultValueFactory = _ => 0 };
var reportOut = new Option<string?>("--report") { Description = "For labeled input: write a self-contained HTML evaluation report" };
var uncertain = new Option<int?>("--uncertain") { Description = "Keep the N units with the smallest margin between the two most probable classes (to label next)" };
var uncertainOut = new Option<string?>("--uncertain-out") { Description = "With --uncertain: CSV to write them to (id,source,kind,text and empty label columns)" };
var uncertainHead = new Option<string?>("--uncertain-head") { Description = "With --uncertain: the label column whose margin counts (default: the model's first)" };
var language = new Option<string>("--language")
{
    Description = "Which units are scored: en (English, what the model reads; units detected in another language get status \"language: xx\" and are not counted in verdicts) | any",
    DefaultValueFactory = _ => "en",
};
language.AcceptOnlyFromAmong("en", "any");
var inputFormat = new Option<string>("--input-format")
{
    Description = "auto (by extension: .csv, .jsonl, .txt page; stdin: JSON Lines if it starts with {, else CSV) | text (one text per line, every input)",
    DefaultValueFactory = _ => "auto",
};
inputFormat.AcceptOnlyFromAmong("auto", "text");
var noHeader = new Option<bool>("--no-header") { Description = "CSV inputs have no header row: columns are named 1, 2, … (use --text-column 2)" };
var onBadRecord = new Option<string>("--on-bad-record")
{
    Description = "fail (default: a bad record stops the run, after the records before it are written) | skip (a bad JSON Lines record, or a CSV record with a wrong field count or a stray quote, goes to --rejects and the run goes on; an unclosed quote or invalid UTF-8 still stops it)",
    DefaultValueFactory = _ => "fail",
};
onBadRecord.AcceptOnlyFromAmong("fail", "skip");
var rejects = new Option<string?>("--rejects") { Description = "With --on-bad-record skip: CSV of the skipped records (source, line, reason, record)" };
var inputs = new Argument<string[]>("inputs") { Description = ".csv, .jsonl or .txt files, folders, or - for stdin (CSV or JSON Lines)", Arity = ArgumentArity.OneOrMore };

var root = new RootCommand("Score texts with a Stance model; prints metrics and a confusion matrix when the input is labeled.")
{
    model, textColumn, format, output, delimiter, encoding, maxMemory, explain, boilerplate, reportOut, uncertain, uncertainOut, uncertainHead, language, inputFormat, noHeader, onBadRecord, rejects, inputs,
};
var parsed = root.Parse(args);
if (ToolRunner.UnknownOption(args, root.Options.SelectMany(o => o.Aliases.Append(o.Name)).Append("--help").Append("--version").ToHashSet()) is { } unknown)
    return ToolRunner.Fail("score", unknown, ToolRunner.BadInput);
if (parsed.Action is System.CommandLine.Help.HelpAction || args.Contains("--version")) return parsed.Invoke();
if (parsed.Errors.Count > 0) return ToolRunner.Fail("score", parsed.Errors[0].Message, ToolRunner.BadInput);

return ToolRunner.Run("score", () =>
{
    string? outPath = parsed.GetValue(output);
    var fmt = parsed.GetValue(format) switch
    {
        "table" => OutputFormat.Table,
        "csv" => OutputFormat.Csv,
        "jsonl" => OutputFormat.Jsonl,
        _ => outPath is null && !Console.IsOutputRedirected ? OutputFormat.Table : OutputFormat.Csv,
    };
    string? patternFile = parsed.GetValue(boilerplate);
    var segmenter = new ArticleSegmenter(new SegmenterOptions { ExtraBoilerplate = patternFile is null ? [] : BoilerplatePatterns.Load(patternFile) });
    var budget = OptionParsers.MaxMemory(parsed.GetValue(maxMemory));
    var read = ReadOptions.For(OptionParsers.Delimiter(parsed.GetValue(delimiter)), OptionParsers.Encoding(parsed.GetValue(encoding)), budget) with { HasHeader = !parsed.GetValue(noHeader) };
    bool skipBad = parsed.GetValue(onBadRecord) == "skip";
    string? rejectsPath = parsed.GetValue(rejects);
    if (skipBad != rejectsPath is not null) throw new InputException("--on-bad-record skip and --rejects FILE go together: skipped records must be kept somewhere");
    OptionChecks.FileFolderExists("--rejects", rejectsPath);
    var rejected = new List<(string Source, long Line, string Reason, string Record)>();
    var input = new ScoringInput(parsed.GetValue(inputs)!, parsed.GetValue(textColumn)!, read, segmenter)
    {
        Reject = skipBad ? (source, line, reason, record) => rejected.Add((source, line, reason, record)) : null,
        Lines = parsed.GetValue(inputFormat) == "text",
    };
    var extra = input.ExtraColumns(Console.In);
    var stanceModel = ModelFile.Load(parsed.GetValue(model)!, budget);
    foreach (var note in stanceModel.LoadNotes) Console.Error.WriteLine($"score: note: {note}");
    var extras = new ScoringExtras(stanceModel, parsed.GetValue(inputs)!, parsed.GetValue(reportOut), UncertainHead(), parsed.GetValue(model));
    CheckReport();

    // --report needs labels to compare with: a CSV input with a label column the model knows, or stdin.
    void CheckReport()
    {
        var report = parsed.GetValue(reportOut);
        OptionChecks.FileFolderExists("--report", report);
        if (report is not null && !parsed.GetValue(inputs)!.Contains("-") && !stanceModel.Heads.Any(h => extra.Contains(h.Label)))
            throw new InputException($"--report needs labeled input: no CSV input has a label column the model knows ({string.Join(", ", stanceModel.Heads.Select(h => h.Label))})");
    }

    // --uncertain N --uncertain-out FILE [--uncertain-head LABEL]: how many units, where, and on which head.
    (int Count, string Out, int Head)? UncertainHead()
    {
        int? count = parsed.GetValue(uncertain);
        string? outPath = parsed.GetValue(uncertainOut), head = parsed.GetValue(uncertainHead);
        if (count is null)
            return outPath is not null || head is not null ? throw new InputException("--uncertain-out and --uncertain-head need --uncertain N") : null;
        if (count is < 1 or > 1_000_000) throw new InputException("--uncertain: expected a count of units, 1..1000000");
        if (outPath is null) throw new InputException("--uncertain needs --uncertain-out FILE (the CSV of units to label)");
        OptionChecks.FileFolderExists("--uncertain-out", outPath);
        int index = head is null ? 0 : stanceModel.Heads.ToList().FindIndex(h => h.Label == head);
        if (index < 0) throw new InputException($"--uncertain-head: the model has no head \"{head}\" (it has: {string.Join(", ", stanceModel.Heads.Select(h => h.Label))})");
        return (count.Value, outPath, index);
    }
    var evaluation = new HeldOutEvaluation(stanceModel, keepTexts: extras.WantsTexts);
    int explainK = parsed.GetValue(explain);
    if (explainK < 0) throw new InputException("--explain: expected a number of n-grams ≥ 0");
    ScoreRun? run = null;

    void ScoreAll(TextWriter writer)
    {
        using var predictions = PredictionWriter.Create(fmt, writer, stanceModel, extra, explainK > 0);
        run = new ScoreRun(stanceModel, predictions, evaluation, explainK, extras.Add, stanceModel.UsesEncoder ? Progress() : null,
            parsed.GetValue(language) == "any" ? null : LanguageDetector.English, stream: outPath is null && parsed.GetValue(inputs)!.Contains("-"));
        run.Run(input.Units(Console.In));
        predictions.Finish();
        if (stanceModel.UsesEncoder && !Console.IsErrorRedirected) Console.Error.Write("\r\u001b[K");
    }

    if (outPath is null)
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
        ScoreAll(stdout);
        stdout.Flush();
    }
    else
    {
        AtomicFile.Write(outPath, stream =>
        {
            using var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            ScoreAll(w);
        });
    }

    // The sentence encoder scores ~150 short texts a second: say how far it is, on stderr (a line redrawn in
    // place on a terminal, a plain line every 5 seconds otherwise).
    Action<int> Progress()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        bool terminal = !Console.IsErrorRedirected;
        double last = 0;
        return done =>
        {
            double now = clock.Elapsed.TotalSeconds;
            if (now - last < (terminal ? 0.25 : 5)) return;
            last = now;
            string line = FormattableString.Invariant($"scoring with the sentence encoder: {done:N0} units, {done / now:F0}/s, {now:F0} s");
            if (terminal) Console.Error.Write("\r\u001b[K" + line); else Console.Error.WriteLine(line);
        };
    }

    // Metrics go to stdout unless stdout carries the CSV/JSONL data stream.
    var report = outPath is null && fmt != OutputFormat.Table ? Console.Error : Console.Out;
    foreach (var (label, metrics, unlabeled) in evaluation.Results())
    {
        report.WriteLine();
        report.WriteLine($"== {label}: evaluation on {metrics.Count} labeled units" + (unlabeled > 0 ? $" ({unlabeled} without a label not counted)" : "") + " ==");
        MetricsPrinter.WriteReport(report, metrics);
        report.WriteLine("confusion matrix (rows = actual, columns = predicted):");
        MetricsPrinter.WriteConfusion(report, metrics.Confusion);
    }
    if (rejectsPath is not null) RejectsFile.Write(rejectsPath, rejected);
    Console.Error.WriteLine($"scored {run!.Scored} units, not scored {run.NotScored}"
        + (run.NotScored > 0 ? $" ({string.Join("; ", run.NotScoredBy.Select(p => $"{p.Key}: {p.Value}"))})" : "") + (outPath is null ? "" : $" → {outPath}")
        + (rejectsPath is null ? "" : $", rejected {rejected.Count} → {rejectsPath}")
        + (input.PagesWithoutUnits.Count == 0 ? "" : $"; {input.PagesWithoutUnits.Count} page(s) with no text units, every line read as page furniture: "
            + string.Join(", ", input.PagesWithoutUnits.Take(5)) + (input.PagesWithoutUnits.Count > 5 ? ", …" : "")));
    extras.Finish(evaluation, report);
    return ToolRunner.Ok;
});
