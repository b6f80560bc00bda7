using Stance.Core.Features;

namespace Stance.Core.Learning.Trees;

/// <summary>
/// Fits <see cref="BoostedTreesModel"/>s by gradient boosting with the multiclass softmax objective, as
/// LightGBM does: scores start at the log class priors; each round computes every row's gradient and
/// hessian of the log-loss from the current scores, grows one tree per class on them (leaf value
/// −G/(H+λ) times the learning rate) and adds the trees to the scores. Hessians are multiplied by
/// K/(K−1), which scales every Newton step by (K−1)/K — Friedman's multiclass step (2001, algorithm 6):
/// the K scores share one redundant degree of freedom, so K independent diagonal steps overshoot.
/// Trees of a round are independent given the scores, so they are grown on parallel threads, each on
/// its own buffers, and the result does not depend on the thread count. Random draws (hold-out, bagging,
/// feature subsets) all come from one SplitMix64 on the calling thread, in a fixed order.
/// </summary>
public sealed class BoostedTreesTrainer
{
    private readonly BoostedTreesOptions _options;

    public BoostedTreesTrainer(BoostedTreesOptions options)
    {
        options.Validate();
        _options = options;
    }

    /// <summary>Validation log-loss after each round of the last fit (empty when it had no validation rows).</summary>
    public IReadOnlyList<double> LastValidationLosses { get; private set; } = [];

    /// <summary>
    /// Fits on x (labels 0..classes−1). With early stopping on, a stratified ValidationFraction of the
    /// rows is held out to decide when to stop and is not trained on (an error if that leaves no rows).
    /// </summary>
    public BoostedTreesModel Fit(SparseMatrix x, int[] y, int classes)
    {
        CheckData(x, y, classes);
        var rng = new SplitMix64(_options.Seed);
        if (_options.EarlyStoppingRounds == 0) return Train(x, y, null, null, classes, rng);
        var (train, held) = RowSampling.HoldOut(y, classes, _options.ValidationFraction, rng);
        if (held.Count == 0 || train.Count == 0)
            throw new ArgumentException($"early stopping needs rows on both sides of the hold-out; ValidationFraction {_options.ValidationFraction} of {y.Length} rows leaves {held.Count} held out");
        return Train(x.SelectRows(train), Pick(y, train), x.SelectRows(held), Pick(y, held), classes, rng);
    }

    /// <summary>Fits on x, reporting the log-loss on the given validation rows each round (and stopping early on it when enabled).</summary>
    public BoostedTreesModel Fit(SparseMatrix x, int[] y, int classes, SparseMatrix validationX, int[] validationY)
    {
        CheckData(x, y, classes);
        CheckData(validationX, validationY, classes);
        return Train(x, y, validationX, validationY, classes, new SplitMix64(_options.Seed));
    }

    private BoostedTreesModel Train(SparseMatrix x, int[] y, SparseMatrix? validX, int[]? validY, int classes, SplitMix64 rng)
    {
        int K = classes, n = x.RowCount;
        var layout = BinLayout.Build(x, _options.MaxBins, _options.MinimumExampleCountPerLeaf);
        var rows = BinnedRows.From(x, layout);
        var columns = BinnedColumns.From(rows, layout);
        var valid = validX is null ? null : BinnedRows.From(validX, layout);
        var bias = LogPriors(y, K);
        var scores = Scores(bias, n);
        var validScores = valid is null ? null : Scores(bias, valid.RowCount);
        var gradients = new GradientPair[K][];
        for (int k = 0; k < K; k++) gradients[k] = new GradientPair[n];

        int bagCount = Math.Max(1, (int)Math.Round(_options.BaggingFraction * n));
        var bag = new int[n];
        var inBag = new bool[n];
        if (bagCount == n) for (int i = 0; i < n; i++) { bag[i] = i; inBag[i] = true; }
        int F = layout.FeatureCount, featureCount = Math.Max(1, (int)Math.Round(_options.FeatureFraction * F));
        bool[][]? masks = featureCount < F ? new bool[K][] : null;
        var featureOrder = new int[F];
        for (int f = 0; f < F; f++) featureOrder[f] = f;
        for (int k = 0; masks != null && k < K; k++) masks[k] = new bool[F];

        int workers = Math.Min(K, _options.NumberOfThreads ?? Environment.ProcessorCount);
        var growers = new TreeGrower[workers];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers };
        var rounds = new List<GrownTree[]>();
        var losses = new List<double>();
        double bestLoss = double.PositiveInfinity;
        int bestRounds = 0;
        for (int round = 0; round < _options.NumberOfTrees; round++)
        {
            Gradients(scores, y, gradients);
            if (bagCount < n) RowSampling.Bag(n, bagCount, rng, bag, inBag);
            for (int k = 0; masks != null && k < K; k++) RowSampling.Features(featureCount, rng, featureOrder, masks[k]);

            var trees = new GrownTree[K];
            Parallel.For(0, workers, parallel, w =>
            {
                var grower = growers[w] ??= new TreeGrower(rows, columns, layout, _options);
                for (int k = w; k < K; k += workers)
                {
                    var tree = trees[k] = grower.Grow(gradients[k], bag, bagCount, masks?[k]);
                    grower.AddLeafValues(tree, scores[k]);
                    for (int r = 0; bagCount < n && r < n; r++)
                        if (!inBag[r]) scores[k][r] += tree.LeafValue[tree.LeafOf(rows, r)];
                    for (int r = 0; valid != null && r < valid.RowCount; r++)
                        validScores![k][r] += tree.LeafValue[tree.LeafOf(valid, r)];
                }
            });
            rounds.Add(trees);

            if (valid is null) continue;
            double loss = MeanLoss(validScores!, validY!);
            losses.Add(loss);
            if (loss < bestLoss) { bestLoss = loss; bestRounds = round + 1; }
            else if (_options.EarlyStoppingRounds > 0 && round + 1 - bestRounds >= _options.EarlyStoppingRounds) break;
        }
        LastValidationLosses = losses;
        int kept = valid != null && _options.EarlyStoppingRounds > 0 ? bestRounds : rounds.Count;
        return ModelAssembly.Build(rounds, kept, layout, bias);
    }

    /// <summary>Per class k, per row r: G = ∂L/∂z_k and H = K/(K−1) · ∂²L/∂z_k².</summary>
    private static void Gradients(double[][] scores, int[] y, GradientPair[][] gradients)
    {
        int K = scores.Length;
        double factor = K / (K - 1.0);
        Span<double> z = stackalloc double[K];
        Span<double> g = stackalloc double[K];
        Span<double> h = stackalloc double[K];
        for (int r = 0; r < y.Length; r++)
        {
            for (int k = 0; k < K; k++) z[k] = scores[k][r];
            MulticlassObjective.Derivatives(z, y[r], g, h);
            for (int k = 0; k < K; k++) gradients[k][r] = new GradientPair { G = g[k], H = factor * h[k] };
        }
    }

    private static double MeanLoss(double[][] scores, int[] y)
    {
        Span<double> z = stackalloc double[scores.Length];
        double sum = 0;
        for (int r = 0; r < y.Length; r++)
        {
            for (int k = 0; k < z.Length; k++) z[k] = scores[k][r];
            sum += MulticlassObjective.Loss(z, y[r]);
        }
        return sum / Math.Max(1, y.Length);
    }

    /// <summary>log of add-one-smoothed class frequencies, so an absent class gets a finite score.</summary>
    private static double[] LogPriors(int[] y, int classes)
    {
        var counts = new int[classes];
        foreach (int c in y) counts[c]++;
        var bias = new double[classes];
        for (int k = 0; k < classes; k++) bias[k] = Math.Log((counts[k] + 1.0) / (y.Length + classes));
        return bias;
    }

    private static double[][] Scores(double[] bias, int rows)
    {
        var scores = new double[bias.Length][];
        for (int k = 0; k < bias.Length; k++) { scores[k] = new double[rows]; Array.Fill(scores[k], bias[k]); }
        return scores;
    }

    private static void CheckData(SparseMatrix x, int[] y, int classes)
    {
        if (classes < 2) throw new ArgumentOutOfRangeException(nameof(classes), "at least 2 classes");
        if (x.RowCount != y.Length) throw new ArgumentException($"{x.RowCount} rows but {y.Length} labels");
        if (x.RowCount == 0) throw new ArgumentException("no rows");
        foreach (int c in y) if ((uint)c >= (uint)classes) throw new ArgumentException($"label {c} outside 0..{classes - 1}");
    }

    private static int[] Pick(int[] y, List<int> rows)
    {
        var picked = new int[rows.Count];
        for (int i = 0; i < picked.Length; i++) picked[i] = y[rows[i]];
        return picked;
    }
}
