using Stance.Core.Evaluation;
using Stance.Core.Features;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// Fits <see cref="LinearModel"/>s. Training works in a compact space holding only the features present
/// in the training rows (weights of absent features stay exactly 0 under L2), laid out by column
/// (<see cref="ColumnMatrix"/>), then expands the result to the full feature space. When λ is not given it is
/// <see cref="LogisticRegressionOptions.DefaultLambda"/> of the row count, or, with <see cref="LogisticRegressionOptions.SearchLambda"/>,
/// each grid candidate is scored by stratified inner CV (macro-F1, ties to the stronger λ), walking the grid from
/// strong to weak with warm starts (<see cref="RegularizationPath"/>), on small data stopping <see cref="PathPatience"/> steps past the peak.
/// </summary>
public sealed class LogisticRegressionTrainer
{
    private readonly LogisticRegressionOptions _options;

    public LogisticRegressionTrainer(LogisticRegressionOptions options) { _options = options; }

    /// <summary>Per-candidate inner-CV macro-F1 from the last λ search (empty when λ was given).</summary>
    public IReadOnlyList<(double Lambda, double MacroF1)> LastSearch { get; private set; } = [];

    /// <summary>L-BFGS iterations and objective evaluations of the last final fit.</summary>
    public (int Iterations, int Evaluations) LastFit { get; private set; }

    /// <summary>
    /// The factor the last NB-weighted fit's logits were multiplied by (<see cref="TemperatureScaling"/>, fitted
    /// on inner-fold held-out logits at the chosen λ); 1 for plain fits and when λ was given.
    /// </summary>
    public double LastLogitScale { get; private set; } = 1;

    public LinearModel Fit(SparseMatrix x, int[] y, int classes) => Fit(new WeightedRows(x), y, classes);

    /// <summary>Fits on rows described by <paramref name="data"/>; <paramref name="y"/> is aligned with its rows.</summary>
    public LinearModel Fit(WeightedRows data, int[] y, int classes)
    {
        if (y.Length != data.Count) throw new ArgumentException("one label per row is needed");
        LastLogitScale = 1;
        LastSearch = [];
        double lambda = _options.Lambda ?? LogisticRegressionOptions.DefaultLambda(data.Count);
        if (_options.UsesInnerFolds) lambda = SelectLambda(data, y, classes, _options.SearchLambda ? _options.LambdaGrid : [lambda]);
        var columns = data.Columns;
        double[]? start = null;
        var workspace = new LbfgsWorkspace();
        if (_options.UsesHoldout(data.Count)) (lambda, start) = HoldoutLambda(columns, y, classes, lambda, workspace);
        var path = new RegularizationPath(columns, y, classes, _options, start: start, workspace: workspace);
        var w = path.Next(lambda);
        LastFit = path.LastFit;
        if (LastLogitScale != 1)
            for (long i = 0; i < w.Length; i++) w[i] *= LastLogitScale;
        return Expand(w, columns.FeatureIds, classes, data.Dimension, lambda);
    }

    /// <summary>
    /// Stops walking the grid once this many weaker λ in a row have not beaten the best mean inner-CV
    /// macro-F1: the weak end costs the most iterations, and past the peak the held-out figure falls.
    /// </summary>
    public const int PathPatience = 2;

    /// <summary>
    /// L-BFGS tolerance of the λ search's fits (the final fit keeps <see cref="LogisticRegressionOptions.Tolerance"/>'s
    /// size rule): the search only ranks λ by held-out macro-F1. On a dev set none of the bench protocols
    /// uses (generated, make_corpus.py seeds 3–8) ranking at 1e-4 instead of 1e-6 gave equal or better
    /// figures in about two thirds of the time.
    /// </summary>
    public const double SearchTolerance = 1e-4;

    /// <summary>
    /// Large data: the best λ on a stratified holdout (<see cref="LogisticRegressionOptions.HoldoutFolds"/>),
    /// walking from the size rule's <paramref name="rule"/> toward weaker λ by <see cref="LogisticRegressionOptions.HoldoutStep"/>
    /// with warm starts until one fails to beat the best, and that fit's parameters as the final fit's warm start.
    /// The held-out rows are weighted 0 in the same column matrix, so no subset is copied and the warm start
    /// is already in the final fit's space.
    /// </summary>
    private (double Lambda, double[] Start) HoldoutLambda(ColumnMatrix columns, int[] y, int classes, double rule, LbfgsWorkspace workspace)
    {
        var heldOut = StratifiedKFold.Split(y, classes, _options.HoldoutFolds, _options.Seed).Fold(0).Test;
        var actual = Pick(y, heldOut);
        var path = new RegularizationPath(columns, y, classes, _options with { Tolerance = _options.Tolerance ?? SearchTolerance }, heldOut, workspace: workspace);
        var search = new List<(double, double)>();
        double best = rule, bestF1 = double.NegativeInfinity;
        double[] start = [];
        double lambda = rule;
        for (int g = 0; g <= _options.HoldoutSteps; g++, lambda /= _options.HoldoutStep)
        {
            path.Next(lambda);
            double f1 = ClassificationMetrics.MacroF1Of(actual, path.PredictHeldOut(), classes);
            search.Add((lambda, f1));
            if (f1 <= bestF1) break;   // past the peak: weaker λ only cost more iterations
            (best, bestF1, start) = (lambda, f1, path.Snapshot());
        }
        LastSearch = search;
        return (best, start);
    }

    /// <summary>
    /// The grid's best λ by inner CV; on the way, for an NB-weighted fit, the temperature of its held-out logits
    /// at that λ. A one-λ grid is walked for the temperature alone, on the first inner fold only: one scalar
    /// needs no more than a third of the rows held out, and the other two folds would triple the fit's cost.
    /// </summary>
    private double SelectLambda(WeightedRows data, int[] y, int classes, IReadOnlyList<double> grid)
    {
        int folds = Math.Min(_options.InnerFolds, MinClassCount(y, classes));
        if (folds < 2 || (grid.Count == 1 && _options.NaiveBayesAlpha is null)) return grid[grid.Count / 2];
        var split = StratifiedKFold.Split(y, classes, folds, _options.Seed);
        if (grid.Count == 1) folds = 1;
        var f1 = new double[folds, grid.Count];
        var logits = new double[folds, grid.Count][];
        var search = new List<(double, double)>();
        int best = 0;
        double bestF1 = double.NegativeInfinity;
        void Record(int g)
        {
            double mean = 0;
            for (int f = 0; f < folds; f++) mean += f1[f, g] / folds;
            search.Add((grid[g], mean));
            if (mean > bestF1 + 1e-12 || (Math.Abs(mean - bestF1) <= 1e-12 && grid[g] > grid[best])) { best = g; bestF1 = mean; }
        }
        if (data.Count * 2 > 100_000)
        {
            // Large data: one fold at a time, each along the whole grid (each fit already uses every core,
            // and the folds' matrices would otherwise all be held at once).
            for (int f = 0; f < folds; f++)
            {
                var fold = new InnerFold(data, y, classes, split.Fold(f), _options);
                for (int g = 0; g < grid.Count; g++) (f1[f, g], logits[f, g]) = fold.At(grid[g]);
            }
            for (int g = 0; g < grid.Count; g++) Record(g);
        }
        else
        {
            // Small data: the folds side by side, in step along the grid, so the walk can stop past the peak.
            var inner = new InnerFold[folds];
            Parallel.For(0, folds, f => inner[f] = new InnerFold(data, y, classes, split.Fold(f), _options));
            for (int g = 0; g < grid.Count && g - best <= PathPatience; g++)
            {
                Parallel.For(0, folds, f => (f1[f, g], logits[f, g]) = inner[f].At(grid[g]));
                Record(g);
            }
        }
        LastSearch = grid.Count > 1 ? search : [];
        if (_options.NaiveBayesAlpha is not null)
        {
            var pooled = Enumerable.Range(0, folds).SelectMany(f => logits[f, best]).ToArray();
            var actual = Enumerable.Range(0, folds).SelectMany(f => Pick(y, split.Fold(f).Test)).ToArray();
            LastLogitScale = TemperatureScaling.Fit(pooled, actual, classes);
        }
        return grid[best];
    }

    /// <summary>One inner fold of the λ search: a warm-started path on its training rows, scored on its test rows.</summary>
    private sealed class InnerFold
    {
        private readonly RegularizationPath _path;
        private readonly WeightedRows _test;
        private readonly Func<int, int> _lookup;
        private readonly int[] _actual;
        private readonly int _features, _classes;

        public InnerFold(WeightedRows data, int[] y, int classes, (List<int> Train, List<int> Test) fold, LogisticRegressionOptions options)
        {
            var columns = data.Subset(fold.Train).Columns;
            _path = new RegularizationPath(columns, Pick(y, fold.Train), classes, options with { Tolerance = options.Tolerance ?? SearchTolerance });
            _test = data.Subset(fold.Test);
            // A dense source→compact map costs 4 bytes per source column (8 MB at 2^21); for a few hundred
            // test rows a binary search over the trained features is cheaper in memory and time.
            long testValues = 0;
            foreach (int r in _test.Rows!) testValues += _test.Source.RowLength(r);
            if (testValues * 20 < columns.SourceColumns) _lookup = c => Math.Max(-1, Array.BinarySearch(columns.FeatureIds, c));
            else { var map = columns.ColumnMap(); _lookup = c => map[c]; }
            _actual = Pick(y, fold.Test);
            _features = columns.ColumnCount;
            _classes = classes;
        }

        /// <summary>The held-out macro-F1 and logits (row-major, K per test row) of the fit at <paramref name="lambda"/>.</summary>
        public (double MacroF1, double[] Logits) At(double lambda)
        {
            var (predicted, logits) = PredictCompact(_path.Next(lambda), _test, _lookup, _features, _classes);
            return (ClassificationMetrics.MacroF1Of(_actual, predicted, _classes), logits);
        }
    }

    /// <summary>
    /// Predicted classes (the most probable) and logits of rows whose columns map to compact features through <paramref name="map"/> (−1: not a feature).
    /// </summary>
    private static (int[] Predicted, double[] Logits) PredictCompact(double[] w, WeightedRows rows, Func<int, int> map, int features, int classes)
    {
        var predicted = new int[rows.Count];
        var logits = new double[rows.Count * classes];
        Span<double> z = stackalloc double[classes];
        int biasAt = features * classes;
        var cols = new int[256];
        var vals = new float[256];
        for (int i = 0; i < rows.Count; i++)
        {
            int n = rows.Row(i, ref cols, ref vals);
            for (int k = 0; k < classes; k++) z[k] = w[biasAt + k];
            for (int j = 0; j < n; j++)
            {
                int f = map(cols[j]);
                if (f < 0) continue;
                for (int k = 0; k < classes; k++) z[k] += w[f * classes + k] * vals[j];
            }
            z.CopyTo(logits.AsSpan(i * classes, classes));
            predicted[i] = ArgMax(z);
        }
        return (predicted, logits);
    }

    /// <summary>The model over the full feature space, from the compact class weights: only the trained features' rows are kept.</summary>
    private static LinearModel Expand(double[] w, int[] featureIds, int classes, int dimension, double lambda)
    {
        var rows = new float[(long)featureIds.Length * classes];
        for (long i = 0; i < rows.Length; i++) rows[i] = (float)w[i];
        var bias = new float[classes];
        for (int k = 0; k < classes; k++) bias[k] = (float)w[(long)featureIds.Length * classes + k];
        return new LinearModel(classes, dimension, featureIds, rows, bias, lambda);
    }

    internal static int[] Pick(int[] y, IReadOnlyList<int> rows)
    {
        var r = new int[rows.Count];
        for (int i = 0; i < r.Length; i++) r[i] = y[rows[i]];
        return r;
    }

    private static int MinClassCount(int[] y, int classes)
    {
        var counts = new int[classes];
        foreach (int c in y) counts[c]++;
        return counts.Where(c => c > 0).DefaultIfEmpty(0).Min();
    }

    public static int ArgMax(ReadOnlySpan<double> p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
        return best;
    }
}
