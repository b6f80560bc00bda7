using Stance.Core.Evaluation;
using Stance.Core.Features;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// Fits <see cref="LinearModel"/>s. Training works in a compact space holding only the features present
/// in the training rows (weights of absent features stay exactly 0 under L2), then expands the result
/// to the full feature space. When λ is not given, each candidate is scored by stratified inner CV
/// (macro-F1, ties to the stronger λ), walking the grid from strong to weak with warm starts.
/// </summary>
public sealed class LogisticRegressionTrainer
{
    private readonly LogisticRegressionOptions _options;

    public LogisticRegressionTrainer(LogisticRegressionOptions options) { _options = options; }

    /// <summary>Per-candidate inner-CV macro-F1 from the last λ search (empty when λ was given).</summary>
    public IReadOnlyList<(double Lambda, double MacroF1)> LastSearch { get; private set; } = [];

    public LinearModel Fit(SparseMatrix x, int[] y, int classes)
    {
        double lambda = _options.Lambda ?? SelectLambda(x, y, classes);
        var (compact, featureIds) = Compact(x);
        var w = FitPath(compact, y, classes, [lambda])[0];
        return Expand(w, featureIds, classes, x.ColumnCount, lambda);
    }

    private double SelectLambda(SparseMatrix x, int[] y, int classes)
    {
        var grid = _options.LambdaGrid;
        int folds = Math.Min(_options.InnerFolds, MinClassCount(y, classes));
        if (grid.Count == 1 || folds < 2) return grid[grid.Count / 2];
        var split = StratifiedKFold.Split(y, classes, folds, _options.Seed);
        var f1 = new double[folds, grid.Count];
        Parallel.For(0, folds, f =>
        {
            var (train, test) = split.Fold(f);
            var (compactTrain, featureIds) = Compact(x.SelectRows(train));
            var compactTest = Restrict(x.SelectRows(test), featureIds);
            var path = FitPath(compactTrain, Pick(y, train), classes, grid);
            var actual = Pick(y, test);
            for (int g = 0; g < grid.Count; g++)
                f1[f, g] = ClassificationMetrics.MacroF1Of(actual, PredictCompact(path[g], compactTest, classes), classes);
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

    /// <summary>Fits one parameter vector per λ, in the order given, each warm-started from the previous.</summary>
    private List<double[]> FitPath(SparseMatrix compact, int[] y, int classes, IReadOnlyList<double> lambdas)
    {
        var objective = new SoftmaxObjective(compact, y, classes, RowWeights(y, classes), lambdas[0]);
        var w = new double[objective.ParameterCount];
        var result = new List<double[]>();
        foreach (double lambda in lambdas)
        {
            objective.Lambda = lambda;
            new Lbfgs { MaxIterations = _options.MaxIterations }.Minimize(objective.Evaluate, w);
            result.Add((double[])w.Clone());
        }
        return result;
    }

    private static int[] PredictCompact(double[] w, SparseMatrix x, int classes)
    {
        var predicted = new int[x.RowCount];
        Span<double> z = stackalloc double[classes];
        int biasAt = x.ColumnCount * classes;
        for (int i = 0; i < x.RowCount; i++)
        {
            var cols = x.RowColumns(i);
            var vals = x.RowValues(i);
            for (int k = 0; k < classes; k++) z[k] = w[biasAt + k];
            for (int j = 0; j < cols.Length; j++)
                for (int k = 0; k < classes; k++) z[k] += w[cols[j] * classes + k] * vals[j];
            predicted[i] = ArgMax(z);
        }
        return predicted;
    }

    /// <summary>Maps rows onto a compact feature list, dropping features outside it.</summary>
    private static SparseMatrix Restrict(SparseMatrix x, int[] featureIds)
    {
        var rows = new (int[], float[])[x.RowCount];
        for (int i = 0; i < x.RowCount; i++)
        {
            var cols = new List<int>();
            var vals = new List<float>();
            var rc = x.RowColumns(i);
            var rv = x.RowValues(i);
            for (int j = 0; j < rc.Length; j++)
            {
                int at = Array.BinarySearch(featureIds, rc[j]);
                if (at >= 0) { cols.Add(at); vals.Add(rv[j]); }
            }
            rows[i] = (cols.ToArray(), vals.ToArray());
        }
        return SparseMatrix.FromRows(rows, featureIds.Length);
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

    private static (SparseMatrix, int[]) Compact(SparseMatrix x)
    {
        var ids = x.Columns.Distinct().ToArray();
        Array.Sort(ids);
        var map = new Dictionary<int, int>(ids.Length);
        for (int i = 0; i < ids.Length; i++) map[ids[i]] = i;
        var cols = new int[x.Columns.Length];
        for (int i = 0; i < cols.Length; i++) cols[i] = map[x.Columns[i]];
        return (new SparseMatrix(x.RowStart, cols, x.Values, ids.Length), ids);
    }

    private static LinearModel Expand(double[] w, int[] featureIds, int classes, int dimension, double lambda)
    {
        var weights = new float[(long)dimension * classes];
        for (int f = 0; f < featureIds.Length; f++)
            for (int k = 0; k < classes; k++)
                weights[(long)featureIds[f] * classes + k] = (float)w[f * classes + k];
        var bias = new float[classes];
        for (int k = 0; k < classes; k++) bias[k] = (float)w[featureIds.Length * classes + k];
        return new LinearModel(classes, dimension, weights, bias, lambda);
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
