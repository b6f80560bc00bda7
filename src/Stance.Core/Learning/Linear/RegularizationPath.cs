using Stance.Core.Features;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// Fits one set of rows for a sequence of L2 strengths, each fit warm-started from the previous one's
/// weights (walked from strong to weak, each solution is a close start for the next). Plain: one
/// multinomial fit per λ, in the sum-to-zero parameterization (K − 1 coordinates per feature, see
/// <see cref="SoftmaxObjective"/>). NB-weighted (<see cref="LogisticRegressionOptions.NaiveBayesAlpha"/>):
/// one binary fit per class on the rows scaled by that class's log-count ratios, folded into K logits
/// (<see cref="NaiveBayesScaling"/>); the scaled copy of the rows is made per fit, so only one is held.
/// </summary>
internal sealed class RegularizationPath
{
    private readonly ColumnMatrix _columns;
    private readonly int[] _y;
    private readonly int _classes;
    private readonly LogisticRegressionOptions _options;
    private readonly SoftmaxObjective? _multinomial;
    private readonly double[][] _w;            // warm starts: one parameter vector, or one per class (NB)
    private readonly double[][]? _ratios;

    private readonly IReadOnlyList<int>? _heldOut;
    private readonly LbfgsWorkspace _workspace;

    /// <param name="heldOut">
    /// Rows (ascending) left out of the fit by a weight of 0, to be scored by <see cref="PredictHeldOut"/>; their
    /// features still have columns (their weights stay 0 under L2), so a fit here warm-starts one on all rows
    /// of the same matrix. Multinomial fits only.
    /// </param>
    /// <param name="start">Parameters to warm-start the first fit from (a <see cref="Snapshot"/> of a path on the same matrix).</param>
    /// <param name="workspace">The optimizer's buffers, when shared with another path on the same matrix (one after the other, never at once).</param>
    public RegularizationPath(ColumnMatrix columns, int[] y, int classes, LogisticRegressionOptions options,
        IReadOnlyList<int>? heldOut = null, double[]? start = null, LbfgsWorkspace? workspace = null)
    {
        _columns = columns; _y = y; _classes = classes; _options = options; _heldOut = heldOut;
        _workspace = workspace ?? new LbfgsWorkspace();
        if ((heldOut is not null || start is not null) && options.NaiveBayesAlpha is not null)
            throw new ArgumentException("held-out rows and warm starts are for multinomial fits");
        if (options.NaiveBayesAlpha is { } alpha)
        {
            _ratios = NaiveBayesScaling.LogCountRatios(columns, y, classes, alpha);
            _w = Enumerable.Range(0, classes).Select(_ => new double[columns.ColumnCount + 1]).ToArray();
        }
        else
        {
            _multinomial = new SoftmaxObjective(columns, y, classes, RowWeights(y, classes), 0, sumToZero: true);
            _w = [start is null ? new double[_multinomial.ParameterCount] : (double[])start.Clone()];
            if (_w[0].Length != _multinomial.ParameterCount) throw new ArgumentException("the warm start does not match the matrix");
        }
    }

    /// <summary>A copy of the parameters of the last multinomial fit, to warm-start another path on the same matrix.</summary>
    public double[] Snapshot() => (double[])_w[0].Clone();

    /// <summary>The most probable class of each held-out row (in the order given) at the last fit.</summary>
    public int[] PredictHeldOut() =>
        _multinomial!.Predict(_w[0], _heldOut ?? throw new InvalidOperationException("no rows were held out"));

    /// <summary>L-BFGS iterations and objective evaluations of the last fit (summed over classes when NB-weighted).</summary>
    public (int Iterations, int Evaluations) LastFit { get; private set; }

    /// <summary>The fit at <paramref name="lambda"/>: class weights ((features + 1) × K, feature-major, biases last).</summary>
    public double[] Next(double lambda)
    {
        if (_multinomial is { } objective)
        {
            LastFit = Minimize(objective, lambda, _w[0]);
            return objective.ClassWeights(_w[0]);
        }
        var weights = new double[(long)(_columns.ColumnCount + 1) * _classes];
        int iterations = 0, evaluations = 0;
        for (int k = 0; k < _classes; k++)
        {
            var yk = _y.Select(c => c == k ? 1 : 0).ToArray();
            var binary = new SoftmaxObjective(_columns.ScaledColumns(_ratios![k]), yk, 2, RowWeights(yk, 2), lambda, sumToZero: true);
            var (it, ev) = Minimize(binary, lambda, _w[k]);
            iterations += it; evaluations += ev;
            NaiveBayesScaling.Fold(binary.ClassWeights(_w[k]), _ratios[k], k, weights, _classes);
        }
        LastFit = (iterations, evaluations);
        return weights;
    }

    private (int, int) Minimize(SoftmaxObjective objective, double lambda, double[] w)
    {
        objective.Lambda = lambda;
        var lbfgs = new Lbfgs
        {
            MaxIterations = _options.MaxIterations, Window = 5,
            // Warm-started at a weaker λ, the gradient moves by only Δλ·w; a fixed 1e-5 would end such fits at
            // once when λ is far below it (large data's holdout walk), so the bar follows λ there.
            GradientTolerance = Math.Min(1e-5, lambda / 10),
            RelativeTolerance = _options.Tolerance ?? (_columns.NonZeros < LogisticRegressionOptions.SmallProblemNonZeros ? 1e-6 : 1e-4),
            Preconditioner = _options.Precondition ? objective.DiagonalPreconditioner() : null,
            Workspace = _workspace,
        };
        lbfgs.Minimize(objective, w);   // line searches along X·d, no pass per trial step
        return (lbfgs.Iterations, lbfgs.Evaluations);
    }

    /// <summary>Per row: 0 when held out, else its class's balancing weight in <paramref name="y"/> (the fit's labels, one
    /// class against the rest when NB-weighted) times the factor of the row's own class.</summary>
    private double[] RowWeights(int[] y, int classes)
    {
        var weights = new double[y.Length];
        var counts = new int[classes];
        var kept = new bool[y.Length];
        Array.Fill(kept, true);
        foreach (int r in _heldOut ?? []) kept[r] = false;
        int n = 0;
        for (int i = 0; i < y.Length; i++) if (kept[i]) { counts[y[i]]++; n++; }
        int present = counts.Count(c => c > 0);
        for (int i = 0; i < y.Length; i++)
            weights[i] = !kept[i] ? 0 : (_options.BalanceClasses ? (double)n / (present * counts[y[i]]) : 1.0) * (_options.ClassFactors?[_y[i]] ?? 1.0);
        return weights;
    }
}
