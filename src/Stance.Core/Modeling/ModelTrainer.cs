using System.Security.Cryptography;
using Stance.Core.Common;
using Stance.Core.Evaluation;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Modeling;

/// <summary>
/// Builds a <see cref="StanceModel"/> from labeled rows: counts n-grams once, runs stratified k-fold CV
/// per head (TF-IDF and λ refitted inside each training fold, so no figure sees its test rows), then
/// fits the featurizer and every head on all rows.
/// </summary>
public sealed class ModelTrainer
{
    private readonly TrainOptions _options;
    private readonly Action<TrainingProgress>? _progress;
    private int _stepsDone, _stepsTotal;

    public ModelTrainer(TrainOptions options, Action<TrainingProgress>? progress = null)
    {
        options.Featurizer.Validate();
        _options = options;
        _progress = progress;
    }

    /// <summary>Per head, auto's inner-CV figures for each candidate in the final fit (empty unless the trainer is auto).</summary>
    public IReadOnlyList<IReadOnlyList<CandidateScore>> Candidates { get; private set; } = [];

    public (StanceModel Model, IReadOnlyList<CrossValidationResult> Cv) Train(LabeledData data)
    {
        var heads = data.LabelColumns.Select((label, h) => Encode(data, h)).ToList();
        // Class weight factors are matched to each head's classes once; every fit of the head (CV folds, inner
        // folds, the λ holdout, the final fit) reads them from the head's options.
        var factors = ClassWeightFactors.Resolve(_options.ClassWeightFactors, heads.Select(h => (h.Label, h.Classes)).ToList());
        var headOptions = heads.Select(h => _options.Trainer with
        {
            Linear = _options.Trainer.Linear with { ClassFactors = ClassWeightFactors.PerClass(factors, h.Label, h.Classes) },
        }).ToArray();
        if (_options.Folds > 0 && data.Groups is null)
            foreach (var (label, classes, y) in heads) CheckFolds(data, label, classes, y);
        var groupFolds = _options.Folds > 0 && data.Groups is { } groups ? GroupFolds(data, groups) : null;
        _stepsTotal = 2 + heads.Count * (groupFolds?.Count ?? _options.Folds);
        var encoded = _options.Featurizer.UsesEncoder ? Encode(data.Texts) : null;
        Step($"featurizing {data.Count} rows");
        // The counts are held only for what reads them more than once (CV folds, a λ search's inner folds, the
        // non-linear trainers); a lone linear fit lays its rows out straight from the texts, so the counts and
        // the layout are never held together (RecountedRows).
        var counts = _options.Folds > 0 || !LinearOnly || LinearOptionsOf(_options.Trainer).UsesInnerFolds
            ? Featurizer.CountAll(_options.Featurizer, data.Texts, encoded) : null;
        var examples = encoded is null ? null : new ExampleBank(data.Texts, Enumerable.Range(0, data.Count)
            .Select(r => heads.Select(h => (ushort)h.Y[r]).ToArray()).ToList(), encoded, heads.Select(h => (IReadOnlyList<string>)h.Classes).ToList());

        var cv = new List<CrossValidationResult>();
        if (_options.Folds > 0)
            for (int h = 0; h < heads.Count; h++)
            {
                var (label, classes, y) = heads[h];
                var folds = groupFolds ?? StratifiedKFold.Split(y, classes.Length, _options.Folds, _options.Seed).All();
                string scheme = groupFolds is null ? $"{_options.Folds}-fold stratified cross-validation (seed {_options.Seed})"
                    : $"{folds.Count}-fold grouped cross-validation by {data.Spec.GroupColumn}" + (_options.AlwaysTrainGroup is { } a ? $", \"{a}\" rows always in training" : "");
                cv.Add(CrossValidate(counts!, data.Texts, label, classes, y, folds, scheme, headOptions[h]));
            }

        Step("fitting the final model on all rows");
        var fitted = new ModelHead[heads.Count];
        var candidates = new IReadOnlyList<CandidateScore>[heads.Count];
        TfidfWeighting weighting;
        if (LinearOnly)
        {
            // TF-IDF is fitted and applied while the rows are laid out for the learner; no weighted copy is
            // made. When no inner folds (λ search, NB temperature) need the rows again, the counts are let go
            // before the optimizer runs.
            (weighting, var columns) = ColumnMatrix.FitTfidf(_options.Featurizer, counts ?? (ICountRows)new RecountedRows(_options.Featurizer, data.Texts, encoded));
            var rows = counts is null ? new WeightedRows(columns, weighting) : new WeightedRows(counts, weighting, null, columns);
            columns = null;
            counts = null;
            if (!LinearOptionsOf(_options.Trainer).UsesInnerFolds)
            {
                rows.ReleaseSource();
                // The counts (or, recounted, the counting buffers) are garbage now; an aggressive collection hands
                // their pages back to the system, so the process stays near its live size while the optimizer runs.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
            Parallel.For(0, heads.Count, h =>
            {
                var (label, classes, y) = heads[h];
                var linear = new LogisticRegressionTrainer(LinearOptionsOf(headOptions[h]) with { Seed = _options.Seed }).Fit(rows, y, classes.Length);
                var result = cv.FirstOrDefault(c => c.Label == label);
                var head = TrainerOptions.LinearHead(_options.Trainer.Trainer, classes.Length, linear);
                fitted[h] = new ModelHead(label, classes, head, result is null ? null : Summarize(result));
                candidates[h] = [];
            });
        }
        else
        {
            weighting = TfidfWeighting.Fit(_options.Featurizer, counts!);
            var x = weighting.Transform(counts!).WithSortedRows();
            Parallel.For(0, heads.Count, h =>
            {
                var (label, classes, y) = heads[h];
                var trainer = new HeadTrainer(headOptions[h] with { Seed = _options.Seed });
                var head = trainer.Fit(new TrainingSet(x, data.Texts, y, classes.Length, _options.Featurizer.EncoderStart, _options.Featurizer.EncoderDimension));
                candidates[h] = trainer.LastCandidates;
                var result = cv.FirstOrDefault(c => c.Label == label);
                fitted[h] = new ModelHead(label, classes, head, result is null ? null : Summarize(result));
            });
        }
        Candidates = candidates;
        Step("done");
        var info = new TrainingInfo(string.Join(" + ", data.Files.Select(Path.GetFileName)), Sha256Of(data.Files), data.Count, data.TextColumn, _options.Seed, _options.Folds, _options.Trainer.Trainer.Name(), _options.Created)
        {
            ClassWeightFactors = factors,
        };
        return (new StanceModel(new Featurizer(_options.Featurizer, weighting), fitted, info, examples), cv);
    }

    private CrossValidationResult CrossValidate(SparseMatrix counts, IReadOnlyList<string> texts, string label, string[] classes, int[] y,
        IReadOnlyList<(List<int> Train, List<int> Test)> folds, string scheme, TrainerOptions trainer)
    {
        var predicted = new int[y.Length];
        var probabilities = new double[y.Length][];
        var foldF1 = new double[folds.Count];
        var foldModels = new string[folds.Count];
        int done = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // On large data the folds run one after the other: each fit already uses every core, and side by
        // side their matrices would all be held at once.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = counts.NonZeros > 4_000_000 ? 1 : -1 };
        Parallel.For(0, folds.Count, parallel, f =>
        {
            var (train, test) = folds[f];
            var (weighting, head) = FitFold(counts, texts, train, y, classes.Length, _options.Seed + (ulong)f + 1, trainer);
            var xTest = weighting.Transform(counts, test);
            if (test.Count > 2000 && head.Linear is { } linear) _ = linear.Weights;   // many test rows: one dense array beats a binary search per value
            var foldPredicted = new int[test.Count];
            for (int i = 0; i < test.Count; i++)
            {
                var p = new double[classes.Length];
                head.Predict(texts[test[i]], xTest.RowColumns(i), xTest.RowValues(i), p);
                probabilities[test[i]] = p;
                predicted[test[i]] = foldPredicted[i] = head.Decide(p);
            }
            foldF1[f] = ClassificationMetrics.MacroF1Of(LogisticRegressionTrainer.Pick(y, test), foldPredicted, classes.Length);
            foldModels[f] = Describe(head);
            Step($"cross-validation [{label}]: fold {Interlocked.Increment(ref done)}/{folds.Count} done");
        });
        double seconds = clock.Elapsed.TotalSeconds;
        var rows = folds.SelectMany(f => f.Test).Order().ToArray();
        var actual = LogisticRegressionTrainer.Pick(y, rows);
        var rowPredicted = LogisticRegressionTrainer.Pick(predicted, rows);
        var rowProbabilities = rows.Select(r => probabilities[r]).ToArray();
        var metrics = new ClassificationMetrics(classes, actual, rowPredicted, rowProbabilities);
        return new CrossValidationResult(label, classes, scheme, folds, rows, actual, rowPredicted, rowProbabilities, metrics, foldF1, foldModels, seconds);
    }

    /// <summary>The linear trainers alone learn from the column layout (no weighted copy of the rows); the others from TF-IDF rows and texts.</summary>
    private bool LinearOnly => _options.Trainer.Trainer.IsLinearOnly();

    /// <summary>The linear learner's options for these trainer options (NB-weighted for nb-linear).</summary>
    private static LogisticRegressionOptions LinearOptionsOf(TrainerOptions trainer) => trainer.LinearOptionsOf(trainer.Trainer);

    /// <param name="trainer">The head's trainer options (its class factors).</param>
    private (TfidfWeighting, TrainedHead) FitFold(SparseMatrix counts, IReadOnlyList<string> texts, List<int> train, int[] y, int classes, ulong seed, TrainerOptions trainer)
    {
        if (LinearOnly)
        {
            var (weighting, columns) = ColumnMatrix.FitTfidf(_options.Featurizer, counts, train);
            var yTrain = LogisticRegressionTrainer.Pick(y, train);
            var linear = new LogisticRegressionTrainer(LinearOptionsOf(trainer) with { Seed = seed })
                .Fit(new WeightedRows(counts, weighting, train, columns), yTrain, classes);
            return (weighting, TrainerOptions.LinearHead(_options.Trainer.Trainer, classes, linear));
        }
        var w = TfidfWeighting.Fit(_options.Featurizer, counts, train);
        var set = new TrainingSet(w.Transform(counts, train).WithSortedRows(), train.Select(r => texts[r]).ToArray(), LogisticRegressionTrainer.Pick(y, train), classes,
            _options.Featurizer.EncoderStart, _options.Featurizer.EncoderDimension);
        return (w, new HeadTrainer(trainer with { Seed = seed }).Fit(set));
    }

    /// <summary>"linear λ=1E-04", "nb-linear λ=3E-04", "lightgbm on 400 features", "ensemble λ=3E-05, lightgbm on 402 features".</summary>
    public static string Describe(TrainedHead head) => head.Trainer switch
    {
        TrainerKind.Linear => $"{head.FittedBy.Name()} λ={head.Linear!.Lambda:G2}",
        TrainerKind.Ensemble => $"ensemble λ={head.Linear!.Lambda:G2}, lightgbm on {head.Trees!.Width} features",
        _ => $"{head.Trainer.Name()} on {head.Trees!.Width} features",
    };

    private IReadOnlyList<(List<int> Train, List<int> Test)> GroupFolds(LabeledData data, IReadOnlyList<string> groups)
    {
        try { return GroupKFold.Split(groups, _options.Folds, _options.AlwaysTrainGroup); }
        catch (ArgumentException e) { throw new InputException($"{data.Source}: column \"{data.Spec.GroupColumn}\": {e.Message}"); }
    }

    /// <summary>
    /// The sentence encoder's vectors of all texts (it has no fitted state, so every fold may use them).
    /// It is slow next to counting, so its progress goes out as it runs, at most every 2 seconds, with rate and ETA.
    /// </summary>
    private float[][] Encode(IReadOnlyList<string> texts)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        double lastReport = -1;
        void Report(int done)
        {
            double now = clock.Elapsed.TotalSeconds;
            if (now - Volatile.Read(ref lastReport) < 2 && done < texts.Count) return;
            Volatile.Write(ref lastReport, now);
            double rate = done / Math.Max(now, 1e-9);
            string eta = done >= texts.Count || rate <= 0 ? "" : $", about {Math.Ceiling((texts.Count - done) / rate):F0} s left";
            _progress?.Invoke(new TrainingProgress(FormattableString.Invariant($"encoding texts: {done}/{texts.Count} ({rate:F0}/s{eta})"), _stepsDone, _stepsTotal));
        }
        Report(0);
        return TextEncoder.Shared.Encode(texts, Report);
    }

    private void Step(string description)
    {
        int done = Interlocked.Increment(ref _stepsDone) - 1;
        _progress?.Invoke(new TrainingProgress(description, done, _stepsTotal));
    }

    private static CvSummary Summarize(CrossValidationResult r) =>
        new(r.Scheme, r.FoldMacroF1.Count, r.Metrics.Accuracy, r.Metrics.MacroF1, r.Metrics.LogLoss ?? 0, r.FoldMacroF1,
            r.Metrics.PerClass.Select(c => new ClassSummary(c.Class, c.Precision, c.Recall, c.F1, c.Support)).ToList());

    private static (string Label, string[] Classes, int[] Y) Encode(LabeledData data, int head)
    {
        var labels = data.Labels[head];
        var classes = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (classes.Length < 2)
            throw new InputException($"{data.Source}: column \"{data.LabelColumns[head]}\" has only one class ({classes[0]}); a classifier needs at least two");
        var y = labels.Select(l => Array.BinarySearch(classes, l, StringComparer.Ordinal)).ToArray();
        return (data.LabelColumns[head], classes, y);
    }

    private void CheckFolds(LabeledData data, string label, string[] classes, int[] y)
    {
        for (int c = 0; c < classes.Length; c++)
        {
            int n = y.Count(v => v == c);
            if (n < _options.Folds)
            {
                int first = Array.IndexOf(y, c);
                throw InputException.At(data.SourceOf(first), data.Lines[first], null, null,
                    $"class \"{classes[c]}\" of column \"{label}\" has {n} row(s), fewer than the {_options.Folds} CV folds; label more rows or lower --folds");
            }
        }
    }

    /// <summary>The SHA-256 of the data: of the file, or of the files' bytes one after the other.</summary>
    private static string Sha256Of(IReadOnlyList<string> paths)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in paths) sha.AppendData(File.ReadAllBytes(path));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
