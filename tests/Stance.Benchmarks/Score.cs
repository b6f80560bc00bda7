using Stance.Core.Common;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;
using Stance.Core.Modeling;
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
