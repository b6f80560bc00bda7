using Stance.Core.Common;
using System.CommandLine;
using Spectre.Console;
using Stance.Cli;
using Stance.Core.Evaluation;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;
using Stance.Core.Learning.Trees;
using Stance.Core.Modeling;
using Stance.Core.Output;
using Stance.Core.Reports;

// Stance.Train: read a labeled CSV, cross-validate, fit on all rows, write one model zip.
var data = new Option<string[]>("--data") { Description = "Labeled CSV (UTF-8, header row); repeat to train on several files with the same columns", Required = true, AllowMultipleArgumentsPerToken = false };
var model = new Option<string>("--model") { Description = "Model file to write (.zip)", Required = true };
var textColumn = new Option<string>("--text-column") { Description = "Column holding the text", DefaultValueFactory = _ => "text" };
var labelColumns = new Option<string[]>("--label-column") { Description = "Label column; repeat for several heads (default: stance)", AllowMultipleArgumentsPerToken = false };
var folds = new Option<int>("--folds") { Description = "Stratified CV folds for the reported metrics; 0 skips CV", DefaultValueFactory = _ => 5 };
var seed = new Option<ulong>("--seed") { Description = "Seed for folds and shuffles", DefaultValueFactory = _ => 42UL };
var trainer = new Option<string>("--trainer")
{
    Description = "linear (default: L-BFGS multinomial logistic regression) | auto (pick by inner CV; on the real-text corpus it matched linear at ~9× the time) | nb-linear (logistic regression on naive-Bayes-weighted n-grams, NB-LR of Wang & Manning 2012) | fasttree (ML.NET FastTree, one-versus-all, on text statistics + the encoder vector) | lightgbm (ML.NET LightGbm on the same) | ensemble (LightGbm on the linear model's out-of-fold scores + the same)",
    DefaultValueFactory = _ => TrainerKind.Linear.Name(),
};
trainer.AcceptOnlyFromAmong(TrainerKinds.Names);
var trees = new Option<int>("--number-of-trees", "--trees") { Description = "Tree trainers: boosting rounds (ML.NET NumberOfTrees / LightGbm NumberOfIterations)", DefaultValueFactory = _ => 100 };
var leaves = new Option<int>("--number-of-leaves", "--leaves") { Description = "Tree trainers: leaves per tree", DefaultValueFactory = _ => 20 };
var minLeaf = new Option<int>("--minimum-example-count-per-leaf", "--min-leaf") { Description = "Tree trainers: minimum rows per leaf", DefaultValueFactory = _ => 10 };
var learningRate = new Option<double>("--learning-rate") { Description = "Tree trainers: shrinkage", DefaultValueFactory = _ => 0.1 };
var featureFraction = new Option<double>("--feature-fraction") { Description = "Tree trainers: share of features each tree may split on", DefaultValueFactory = _ => 1.0 };
trees.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--number-of-trees: expected at least 1"); });
leaves.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 2) r.AddError("--number-of-leaves: expected at least 2"); });
minLeaf.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--minimum-example-count-per-leaf: expected at least 1"); });
learningRate.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (> 0 and <= 1)) r.AddError("--learning-rate: expected a number in (0, 1]"); });
featureFraction.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (> 0 and <= 1)) r.AddError("--feature-fraction: expected a number in (0, 1]"); });
var lambda = new Option<double?>("--lambda") { Description = "L2 strength; default: 0.01 / √(training rows), and from 10,000 rows the best of that ÷10, ÷100, … on a 10% holdout" };
var lambdaSearch = new Option<bool>("--lambda-search") { Description = "Choose λ by inner 3-fold CV over 1e-2 … 1e-5 instead of the default rule (slower; rarely better below ~1,000 rows)" };
var classWeights = new Option<string>("--class-weights")
{
    Description = "balanced (weight each row by n / (K · n_class), so rare classes count as much as common ones; chosen on grouped CV of real text) | none",
    DefaultValueFactory = _ => "balanced",
};
classWeights.AcceptOnlyFromAmong("balanced", "none");
var classWeight = new Option<ClassWeightFactor[]>("--class-weight")
{
    Description = "Multiply the training weight of a class's rows by FACTOR, on top of --class-weights: LABEL=FACTOR for every label column with that class, HEAD:LABEL=FACTOR for one (e.g. neutral=2); repeatable",
    AllowMultipleArgumentsPerToken = false,
    CustomParser = r => [.. r.Tokens.Select(t => ParseClassWeight(t.Value, r))],
};
var features = new Option<string>("--features")
{
    Description = "What the model reads: auto (both up to 20,000 rows, else ngrams) | ngrams (hashed word 1-3 + character grams (--char-ngrams), TF-IDF) | encoder (the pretrained all-MiniLM-L6-v2 sentence vector) | both (the two side by side; the encoder costs ~8 ms of CPU per short text)",
    DefaultValueFactory = _ => "auto",
};
features.AcceptOnlyFromAmong([.. FeatureSets.Names, "auto"]);
var charNgrams = new Option<string>("--char-ngrams")
{
    Description = "Character n-gram lengths beside the word 1-3-grams: auto (2-5 up to 20,000 rows, else none) | none | MIN-MAX (1..8)",
    DefaultValueFactory = _ => "auto",
};
charNgrams.Validators.Add(r => { if (r.GetValueOrDefault<string>() is { } v && v != "auto" && CharNgramRange.Parse(v) is null) r.AddError($"--char-ngrams: expected auto, none or MIN-MAX within 1..8 (e.g. 2-5), got \"{v}\""); });
var encoderWeight = new Option<float>("--encoder-weight")
{
    Description = "Scale of the encoder block next to the unit-length n-gram blocks (with --features both or encoder)",
    DefaultValueFactory = _ => FeaturizerOptions.DefaultEncoderWeight,
};
encoderWeight.Validators.Add(r => { if (r.GetValueOrDefault<float>() is not (> 0 and <= 100)) r.AddError("--encoder-weight: expected a number above 0 and at most 100"); });
var hashBits = new Option<int>("--hash-bits") { Description = "Feature buckets per block = 2^bits", DefaultValueFactory = _ => 20 };
var delimiter = new Option<string?>("--delimiter") { Description = "Field delimiter: one character, tab or semicolon (default: comma, or semicolon / tab when the header shows them)" };
var encoding = new Option<string>("--encoding") { Description = "Encoding of the CSV: utf8, or latin1 (ISO-8859-1 / Windows-1252)", DefaultValueFactory = _ => "utf8" };
var maxMemory = new Option<string?>("--max-memory") { Description = "Memory budget, e.g. 2g: training estimated to need more stops with an error (default: 3/4 of the memory available)" };
var skipEmpty = new Option<bool>("--skip-empty") { Description = "Skip rows with an empty text (counted) instead of failing" };
var groupColumn = new Option<string?>("--group-column") { Description = "Grouped CV: folds never split rows sharing this column's value (e.g. source)" };
var alwaysTrain = new Option<string?>("--always-train") { Description = "With --group-column: this group is always trained on, never tested (e.g. authored)" };
var where = new Option<string?>("--where") { Description = "Use only rows where column=value (e.g. source=authored)" };
var outOfFold = new Option<string?>("--oof") { Description = "Write every row's out-of-fold prediction (CSV) to this file" };
var exportFolds = new Option<string?>("--export-folds") { Description = "Write each CV fold's train/test rows as CSV into this folder" };
var reportOut = new Option<string?>("--report") { Description = "Write a self-contained HTML report of the cross-validation (charts, calibration, top n-grams, worst errors)" };
var suspectsOut = new Option<string?>("--suspects") { Description = "Write the rows whose label the out-of-fold model finds least likely (probable label errors) as CSV" };

var root = new RootCommand("Train a Stance model from a labeled CSV and print cross-validated metrics.")
{
    data, model, textColumn, labelColumns, folds, seed, trainer, features, charNgrams, encoderWeight, lambda, lambdaSearch, classWeights, classWeight, hashBits, delimiter, encoding, maxMemory, skipEmpty,
    groupColumn, alwaysTrain, where, exportFolds, outOfFold, reportOut, suspectsOut,
    trees, leaves, minLeaf, learningRate, featureFraction,
};

var parsed = root.Parse(args);
if (ToolRunner.UnknownOption(args, root.Options.SelectMany(o => o.Aliases.Append(o.Name)).Append("--help").Append("--version").ToHashSet()) is { } unknown)
    return ToolRunner.Fail("train", unknown, ToolRunner.BadInput);
if (parsed.Action is System.CommandLine.Help.HelpAction || args.Contains("--version")) return parsed.Invoke();
if (parsed.Errors.Count > 0) return ToolRunner.Fail("train", parsed.Errors[0].Message, ToolRunner.BadInput);

return ToolRunner.Run("train", () =>
{
    string[] dataPaths = parsed.GetValue(data)!;
    string dataPath = string.Join(" + ", dataPaths), modelPath = parsed.GetValue(model)!;
    var labels = parsed.GetValue(labelColumns) is { Length: > 0 } given ? given : ["stance"];
    if (labels.Distinct().Count() != labels.Length) throw new InputException("--label-column: the same column is given twice");
    int foldCount = parsed.GetValue(folds);
    if (foldCount is 1 or < 0 or > 50) throw new InputException("--folds: expected 0 (no CV) or 2..50");
    if (parsed.GetValue(lambda) is double l && !(l > 0)) throw new InputException("--lambda: expected a positive number");
    if (parsed.GetValue(lambda) is not null && parsed.GetValue(lambdaSearch)) throw new InputException("--lambda-search: not with --lambda (a given λ is not searched)");
    int bits = parsed.GetValue(hashBits);
    if (bits is < 10 or > 24) throw new InputException("--hash-bits: expected 10..24");
    OptionChecks.FileFolderExists("--model", modelPath);
    if (Directory.Exists(modelPath)) throw new InputException($"--model: {modelPath} is a folder; give the model file's name");
    if (dataPaths.Any(d => Path.GetFullPath(modelPath) == Path.GetFullPath(d))) throw new InputException("--model: the model would overwrite the data file");
    OptionChecks.FolderExists("--export-folds", parsed.GetValue(exportFolds));
    var budget = OptionParsers.MaxMemory(parsed.GetValue(maxMemory));
    var textEncoding = OptionParsers.Encoding(parsed.GetValue(encoding));
    var fieldDelimiter = OptionParsers.Delimiter(parsed.GetValue(delimiter));
    var featurizerOptions = new FeaturizerOptions
    {
        HashBits = bits, Features = parsed.GetValue(features) is "auto" ? FeatureSet.Both : FeatureSets.Parse(parsed.GetValue(features)!),
        EncoderWeight = parsed.GetValue(encoderWeight),
    };
    // Memory: a lower bound (two classes per head) before reading, the estimate with the real classes after.
    long dataBytes = dataPaths.Where(File.Exists).Sum(d => new FileInfo(d).Length);
    void CheckMemory(IReadOnlyList<int> classes) => budget.Check(
        MemoryEstimate.Training(dataBytes, featurizerOptions.Dimension, classes, foldCount, Environment.ProcessorCount, featurizerOptions.UsesEncoder),
        $"{dataPath}: training on {MemoryBudget.Format(dataBytes)} of CSV with 2^{bits} hash buckets");
    CheckMemory(labels.Select(_ => 2).ToList());

    if ((parsed.GetValue(reportOut) ?? parsed.GetValue(suspectsOut)) is not null && foldCount == 0)
        throw new InputException($"{(parsed.GetValue(reportOut) is not null ? "--report" : "--suspects")} needs cross-validation's out-of-fold predictions: use --folds 2..50, not 0");
    OptionChecks.FileFolderExists("--report", parsed.GetValue(reportOut));
    OptionChecks.FileFolderExists("--suspects", parsed.GetValue(suspectsOut));
    if (parsed.GetValue(alwaysTrain) is not null && parsed.GetValue(groupColumn) is null) throw new InputException("--always-train needs --group-column");
    (string, string)? filter = null;
    if (parsed.GetValue(where) is { } w)
    {
        int eq = w.IndexOf('=');
        if (eq <= 0) throw new InputException($"--where: expected column=value, got \"{w}\"");
        filter = (w[..eq], w[(eq + 1)..]);
    }
    var spec = new LabeledDataSpec
    {
        TextColumn = parsed.GetValue(textColumn)!, LabelColumns = labels, Delimiter = fieldDelimiter, Encoding = textEncoding, Budget = budget,
        SkipEmpty = parsed.GetValue(skipEmpty), GroupColumn = parsed.GetValue(groupColumn), Where = filter,
    };
    var set = LabeledData.Concat(dataPaths.Select(d => LabeledData.Load(d, spec)).ToList());
    string? featuresReason = null;
    if (parsed.GetValue(features) is "auto")
    {
        var (chosen, reason) = FeatureSets.Auto(set.Count);
        (featurizerOptions, featuresReason) = (featurizerOptions with { Features = chosen }, reason);
    }
    // The validator has checked the range; "auto" needs the row count.
    var (chars, charsReason) = parsed.GetValue(charNgrams) is "auto" ? CharNgramRange.Auto(set.Count) : (CharNgramRange.Parse(parsed.GetValue(charNgrams)!)!.Value, null);
    featurizerOptions = featurizerOptions with { CharNgramMin = chars.Min, CharNgramMax = chars.Max };
    CheckMemory(set.Labels.Select(l => l.Distinct().Count()).ToList());
    Console.WriteLine($"data: {dataPath}  rows: {set.Count}" + (set.Delimiter == ',' ? "" : set.Delimiter == ';' ? "  delimiter: semicolon" : set.Delimiter == '\t' ? "  delimiter: tab" : $"  delimiter: {set.Delimiter}")
        + (set.SkippedEmpty > 0 ? $"  skipped (empty text): {set.SkippedEmpty}" : "")
        + (set.FilteredOut > 0 ? $"  left out by --where: {set.FilteredOut}" : ""));
    for (int h = 0; h < labels.Length; h++)
        Console.WriteLine($"  {labels[h]}: " + string.Join("  ", set.Labels[h].GroupBy(v => v).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
    Console.WriteLine($"features: {featurizerOptions.Features.Name()}" + (featuresReason is null ? "" : $" ({featuresReason})"));
    if (featurizerOptions.UsesNgrams)
        Console.WriteLine($"character n-grams: {featurizerOptions.CharNgrams}" + (charsReason is null ? "" : $" ({charsReason})"));

    var options = new TrainOptions
    {
        Featurizer = featurizerOptions,
        Trainer = new TrainerOptions
        {
            Trainer = TrainerKinds.Parse(parsed.GetValue(trainer)!),
            Linear = new LogisticRegressionOptions { Lambda = parsed.GetValue(lambda), SearchLambda = parsed.GetValue(lambdaSearch), BalanceClasses = parsed.GetValue(classWeights) == "balanced" },
            Trees = TreeOptions(parsed),
        },
        Folds = foldCount,
        Seed = parsed.GetValue(seed),
        AlwaysTrainGroup = parsed.GetValue(alwaysTrain),
        ClassWeightFactors = parsed.GetValue(classWeight) ?? [],
        Created = CreationTime(dataPaths),
    };
    var started = System.Diagnostics.Stopwatch.StartNew();
    var (trained, cv, candidates) = TrainWithProgress(options, set);
    foreach (var r in cv)
    {
        Console.WriteLine();
        Console.WriteLine($"== {r.Label}: {r.Scheme}; {r.Rows.Length} out-of-fold predictions ==");
        MetricsPrinter.WriteReport(Console.Out, r.Metrics);
        Console.WriteLine($"macro-F1 per fold: {string.Join("  ", r.FoldMacroF1.Select(f => f.ToString("F4")))}");
        Console.WriteLine($"fitted per fold: {string.Join(" | ", r.FoldModels)}");
        Console.WriteLine(FormattableString.Invariant($"cross-validation fits: {r.Folds.Count} folds in {r.Seconds:F2} s (fitting and predicting; counting excluded)"));
        Console.WriteLine("confusion matrix (rows = actual, columns = predicted):");
        MetricsPrinter.WriteConfusion(Console.Out, r.Metrics.Confusion);
    }
    if (parsed.GetValue(exportFolds) is { } exportTo && cv.Count > 0)
    {
        FoldExport.Write(exportTo, set, cv[0].Folds);
        Console.WriteLine($"folds of {cv[0].Label} written to {exportTo}");
    }
    if (parsed.GetValue(outOfFold) is { } oofPath && cv.Count > 0)
    {
        FoldExport.WriteOutOfFold(oofPath, set, cv);
        Console.WriteLine($"out-of-fold predictions written to {oofPath}");
    }
    bool written = ModelFile.SaveIfChanged(trained, modelPath);
    Console.WriteLine();
    for (int h = 0; h < trained.Heads.Count; h++)
    {
        if (candidates.Count > h && candidates[h].Count > 0)
            Console.WriteLine($"auto [{trained.Heads[h].Label}]: picked {trained.Heads[h].Head.FittedBy.Name()} by inner {options.Trainer.InnerFolds}-fold CV macro-F1 on all rows: "
                + CandidateScore.Summary(candidates[h]));
    }
    if (trained.Info.ClassWeightFactors.Count > 0) Console.WriteLine($"class weight factors: {ClassWeightFactors.Summary(trained.Info.ClassWeightFactors)}");
    TrainingReports.Write(parsed.GetValue(reportOut), parsed.GetValue(suspectsOut), set, cv, trained, modelPath);
    Console.WriteLine($"model: {modelPath}{(written ? "" : " (unchanged: the file already held this model)")} ({new FileInfo(modelPath).Length / 1024.0:F0} KiB; heads: {string.Join(", ", trained.Heads.Select(h => $"{h.Label}: {ModelTrainer.Describe(h.Head)}"))}; label = most probable class); trained in {started.Elapsed.TotalSeconds:F1} s");
    return ToolRunner.Ok;
});

// A Spectre progress bar on a terminal; plain lines when output is redirected (logs, CI).
static (StanceModel, IReadOnlyList<CrossValidationResult>, IReadOnlyList<IReadOnlyList<CandidateScore>>) TrainWithProgress(TrainOptions options, LabeledData set)
{
    if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
    {
        string last = "";
        var plain = new ModelTrainer(options, p =>
        {
            lock (options) { if (p.Description != last) Console.WriteLine($"[{p.Done}/{p.Total}] {last = p.Description}"); }
        });
        var (m, cv) = plain.Train(set);
        return (m, cv, plain.Candidates);
    }
    (StanceModel, IReadOnlyList<CrossValidationResult>, IReadOnlyList<IReadOnlyList<CandidateScore>>) result = default;
    AnsiConsole.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
        .Start(ctx =>
        {
            var task = ctx.AddTask("training", maxValue: 1);
            var trainer = new ModelTrainer(options, p => { task.MaxValue = p.Total; task.Value = p.Done; task.Description = Markup.Escape(p.Description); });
            var (m, cv) = trainer.Train(set);
            result = (m, cv, trainer.Candidates);
        });
    return result;
}

// A --class-weight value, LABEL=FACTOR or HEAD:LABEL=FACTOR: the factor follows the last '=', a head ends at the
// first ':' (so a class with ':' in its name is reached as HEAD:LABEL). A bad one is a parse error (exit 2).
static ClassWeightFactor ParseClassWeight(string value, System.CommandLine.Parsing.ArgumentResult result)
{
    int eq = value.LastIndexOf('=');
    string target = eq < 0 ? "" : value[..eq];
    int colon = target.IndexOf(':');
    string? head = colon < 0 ? null : target[..colon];
    string label = target[(colon + 1)..];
    double factor = 0;
    bool valid = eq >= 0 && label.Length > 0 && head is not ""
        && double.TryParse(value[(eq + 1)..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out factor)
        && double.IsFinite(factor) && factor > 0;
    if (!valid) result.AddError($"--class-weight: expected LABEL=FACTOR or HEAD:LABEL=FACTOR with a FACTOR above 0 (e.g. neutral=2), got \"{value}\"");
    return new ClassWeightFactor(head, label, valid ? factor : 1);
}

TreeOptions TreeOptions(ParseResult p) => new()
{
    NumberOfTrees = p.GetValue(trees), NumberOfLeaves = p.GetValue(leaves), MinimumExampleCountPerLeaf = p.GetValue(minLeaf),
    LearningRate = p.GetValue(learningRate), FeatureFraction = p.GetValue(featureFraction),
};

// The manifest's creation time: SOURCE_DATE_EPOCH when set (reproducible builds), else the data file's
// modification time (the newest, for several), so the same data and seed give a byte-identical model. Retraining the same model
// does not rewrite an existing file (ModelFile.SaveIfChanged), so a fresh clone's newer file times leave it clean.
static DateTimeOffset CreationTime(IEnumerable<string> dataPaths) =>
    long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out long epoch)
        ? DateTimeOffset.FromUnixTimeSeconds(epoch)
        : new DateTimeOffset(dataPaths.Max(File.GetLastWriteTimeUtc), TimeSpan.Zero);
