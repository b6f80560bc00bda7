using Stance.Core.Evaluation;
using Stance.Core.Features;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// Fits <see cref="LinearModel"/>s. Training works in a compact space holding only the features present
/// in the training rows (weights of absent features stay exactly 0 under L2), laid out by column
/// (<see cref="ColumnMatrix"/>), then expands the result to the full feature space. When λ is not given, each candidate is scored by stratified inner CV
/// (macro-F1, ties to the stronger λ), walking the grid from strong to weak with warm starts.
/// </summary>
public sealed class LogisticRegressionTrainer
{
    private readonly LogisticRegressionOptions _options;

    public LogisticRegressionTrainer(LogisticRegressionOptions options) { _options = options; }

    /// <summary>Per-candidate inner-CV macro-F1 from the last λ search (empty when λ was given).</summary>
    public IReadOnlyList<(double Lambda, double MacroF1)> LastSearch { get; private set; } = [];

    /// <summary>L-BFGS iterations and objective evaluations of the last final fit.</summary>
    public (int Iterations, int Evaluations) LastFit { get; private set; }

    public LinearModel Fit(SparseMatrix x, int[] y, int classes) => Fit(new WeightedRows(x), y, classes);

    /// <summary>Fits on rows described by <paramref name="data"/>; <paramref name="y"/> is aligned with its rows.</summary>
    public LinearModel Fit(WeightedRows data, int[] y, int classes)
    {
        if (y.Length != data.Count) throw new ArgumentException("one label per row is needed");
        double lambda = _options.Lambda ?? SelectLambda(data, y, classes);
        var columns = data.Columns;
        var w = FitPath(columns, y, classes, [lambda])[0];
        return Expand(w, columns.FeatureIds, classes, data.Dimension, lambda);
    }

    private double SelectLambda(WeightedRows data, int[] y, int classes)
    {
        var grid = _options.LambdaGrid;
        int folds = Math.Min(_options.InnerFolds, MinClassCount(y, classes));
        if (grid.Count == 1 || folds < 2) return grid[grid.Count / 2];
        var split = StratifiedKFold.Split(y, classes, folds, _options.Seed);
        var f1 = new double[folds, grid.Count];
        // Folds run one after the other on large data (each fit already uses every core, and the folds'
        // matrices would otherwise all be held at once); side by side on small data.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = data.Count * 2 > 100_000 ? 1 : -1 };
        Parallel.For(0, folds, parallel, f =>
        {
            var (train, test) = split.Fold(f);
            var trainRows = data.Subset(train);
            var columns = trainRows.Columns;
            var path = FitPath(columns, Pick(y, train), classes, grid);
            var testRows = data.Subset(test);
            // A dense source→compact map costs 4 bytes per source column (8 MB at 2^21); for a few hundred
            // test rows a binary search over the trained features is cheaper in memory and time.
            long testValues = 0;
            foreach (int r in testRows.Rows!) testValues += testRows.Source.RowLength(r);
            Func<int, int> lookup;
            if (testValues * 20 < columns.SourceColumns) lookup = c => Math.Max(-1, Array.BinarySearch(columns.FeatureIds, c));
            else { var map = columns.ColumnMap(); lookup = c => map[c]; }
            var actual = Pick(y, test);
            for (int g = 0; g < grid.Count; g++)
                f1[f, g] = ClassificationMetrics.MacroF1Of(actual, PredictCompact(path[g], testRows, lookup, columns.ColumnCount, classes), classes);
        });
        var search = new List<(double, double)>();
        int best = 0;
        double bestF1 = double.NegativeInfinity;
        for (int g = 0; g < grid.Count; g++)
        {
            double mean = 0;
            for (int f = 0; f < folds; f++) mean += f1[f, g] / folds;
            search.Add((grid[g], mean));
            if (mean > bestF1 + 1e-12 || (Math.Abs(mean - bestF1) <= 1e-12 && grid[g] > grid[best])) { best = g; bestF1 = mean; }
        }
        LastSearch = search;
        return grid[best];
    }

    /// <summary>
    /// Fits one model per λ, in the order given, each warm-started from the previous; returns each one's
    /// class weights ((features + 1) × K, feature-major, biases last). The optimizer works in the
    /// sum-to-zero parameterization (K − 1 coordinates per feature, see <see cref="SoftmaxObjective"/>).
    /// </summary>
    private List<double[]> FitPath(ColumnMatrix columns, int[] y, int classes, IReadOnlyList<double> lambdas)
    {
        var objective = new SoftmaxObjective(columns, y, classes, RowWeights(y, classes), lambdas[0], sumToZero: true);
        var w = new double[objective.ParameterCount];
        var result = new List<double[]>();
        foreach (double lambda in lambdas)
        {
            objective.Lambda = lambda;
            var lbfgs = new Lbfgs
            {
                MaxIterations = _options.MaxIterations, Window = 5,
                RelativeTolerance = _options.Tolerance ?? (columns.NonZeros < LogisticRegressionOptions.SmallProblemNonZeros ? 1e-6 : 1e-4),
                Preconditioner = _options.Precondition ? objective.DiagonalPreconditioner() : null,
            };
            lbfgs.Minimize(objective, w);   // line searches along X·d, no pass per trial step
            if (lambdas.Count == 1) LastFit = (lbfgs.Iterations, lbfgs.Evaluations);
            result.Add(objective.ClassWeights(w));
        }
        return result;
    }

    /// <summary>Predicted classes of rows whose columns map to compact features through <paramref name="map"/> (−1: not a feature).</summary>
    private static int[] PredictCompact(double[] w, WeightedRows rows, Func<int, int> map, int features, int classes)
    {
        var predicted = new int[rows.Count];
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
            predicted[i] = ArgMax(z);
        }
        return predicted;
    }

    private double[] RowWeights(int[] y, int classes)
    {
        var weights = new double[y.Length];
        var counts = new int[classes];
        foreach (int c in y) counts[c]++;
        int present = counts.Count(c => c > 0);
        for (int i = 0; i < y.Length; i++)
            weights[i] = _options.BalanceClasses ? (double)y.Length / (present * counts[y[i]]) : 1.0;
        return weights;
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
