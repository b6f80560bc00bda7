using Stance.Core.Features;
using Stance.Core.Learning.Linear;
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
