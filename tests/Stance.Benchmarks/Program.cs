using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Stance.Core.Data;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;
using Stance.Core.Modeling;

// Inner loops of Stance, measured with BenchmarkDotNet (not part of the test suite):
//
//   dotnet run -c Release --project tests/Stance.Benchmarks -- --filter '*'
//   STANCE_BENCH_CORPUS=/tmp/train.csv dotnet run -c Release --project tests/Stance.Benchmarks -- --filter '*Objective*'
//
// The corpus is the CSV named by STANCE_BENCH_CORPUS (a text and a stance column: the output of
// tests/Bench/make_corpus.py), else data/stance.csv. Benchmarks run in-process (no generated project).
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args, config);

/// <summary>The texts and labels the benchmarks work on, loaded once per process.</summary>
public static class Corpus
{
    private static readonly Lazy<LabeledData> Data = new(() =>
    {
        var path = Environment.GetEnvironmentVariable("STANCE_BENCH_CORPUS") ?? FindUp("data/stance.csv");
        return LabeledData.Load(path, "text", ["stance"]);
    });

    public static IReadOnlyList<string> Texts => Data.Value.Texts;

    public static int[] Labels()
    {
        var labels = Data.Value.Labels[0];
        var classes = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
        return labels.Select(l => Array.BinarySearch(classes, l, StringComparer.Ordinal)).ToArray();
    }

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException($"{relative} not found above {Directory.GetCurrentDirectory()}; set STANCE_BENCH_CORPUS");
    }
}

/// <summary>Featurization of one document: n-gram counting, then TF-IDF weighting of the counts.</summary>
[MemoryDiagnoser]
public class Featurize
{
    private readonly FeaturizerOptions _options = new();
    private TermCounter _counter = null!;
    private TfidfWeighting _weighting = null!;
    private string[] _docs = [];
    private (int[] Columns, float[] Counts)[] _rows = [];
    private int[] _outColumns = new int[4096];
    private float[] _outValues = new float[4096];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _counter = new TermCounter(_options);
        _docs = Corpus.Texts.Take(2000).ToArray();
        _weighting = TfidfWeighting.Fit(_options, Featurizer.CountAll(_options, Corpus.Texts));
        _rows = _docs.Select(d =>
        {
            int n = _counter.CountDistinct(d);
            return (_counter.Ids.ToArray(), _counter.Counts.ToArray().Select(c => (float)c).ToArray());
        }).ToArray();
    }

    /// <summary>Counts the word 1–3-grams and char_wb 2–5-grams of one document (no allocation).</summary>
    [Benchmark]
    public int CountNgramsPerDoc() => _counter.CountDistinct(_docs[_next++ % _docs.Length]);

    /// <summary>TF-IDF (sublinear tf, idf, per-block L2) of one document's counts.</summary>
    [Benchmark]
    public int TfidfTransformPerDoc()
    {
        var (cols, counts) = _rows[_next++ % _rows.Length];
        return _weighting.WeighRow(cols, counts, _outColumns, _outValues);
    }
}

/// <summary>One evaluation (loss and gradient) of the L2 multinomial logistic objective over the whole corpus.</summary>
public class Objective
{
    private SoftmaxObjective _objective = null!;
    private double[] _w = [], _g = [];

    [GlobalSetup]
    public void Setup()
    {
        var options = new FeaturizerOptions();
        var (_, columns) = ColumnMatrix.FitTfidf(options, Featurizer.CountAll(options, Corpus.Texts));
        var y = Corpus.Labels();
        _objective = new SoftmaxObjective(columns, y, y.Max() + 1, Enumerable.Repeat(1.0, y.Length).ToArray(), 1e-4, sumToZero: true);
        _w = new double[_objective.ParameterCount];
        _g = new double[_w.Length];
        var rng = new Random(1);
        for (int i = 0; i < _w.Length; i++) _w[i] = (rng.NextDouble() - 0.5) * 0.1;
    }

    [Benchmark]
    public double EvaluateLossAndGradient() => _objective.Evaluate(_w, _g);
}

/// <summary>Scoring one document with a trained model: count, weigh, look up, softmax.</summary>
[MemoryDiagnoser]
public class Score
{
    private StanceModel _model = null!;
    private TermCounter _counter = null!;
    private string[] _docs = [];
    private readonly double[][] _result = [new double[3]];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var texts = Corpus.Texts;
        var data = Path.Combine(Path.GetTempPath(), $"stance-bench-{Environment.ProcessId}.csv");
        File.WriteAllLines(data, new[] { "text,stance" }.Concat(texts.Take(20000).Select((t, i) => $"\"{t.Replace("\"", "\"\"")}\",{Corpus.Labels()[i]}")));
        try
        {
            var set = LabeledData.Load(data, "text", ["stance"]);
            _model = new ModelTrainer(new TrainOptions { Folds = 0, Trainer = new TrainerOptions { Trainer = TrainerKind.Linear, Linear = new LogisticRegressionOptions { Lambda = 1e-4 } } }).Train(set).Model;
        }
        finally { File.Delete(data); }
        _counter = _model.NewCounter();
        _docs = texts.Take(5000).ToArray();
        _ = _model.ScoringTable;
    }

    [Benchmark]
    public double ScoreOneDoc()
    {
        _model.Predict(_docs[_next++ % _docs.Length], _counter, _result);
        return _result[0][0];
    }
}
