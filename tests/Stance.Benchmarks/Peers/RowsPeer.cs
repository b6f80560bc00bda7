using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Stance.Core.Features;
using Stance.Core.Learning.Linear;

/// <summary>
/// An optimizer on Stance's own featurized rows: the n-gram counts of Featurizer.CountAll (default
/// FeaturizerOptions: word 1–3 + char_wb 2–5 grams, 2^20 buckets a block), TF-IDF fitted on the training
/// rows and laid out as ModelTrainer does for a fold (ColumnMatrix.FitTfidf), rows weighted n / (K · n_class)
/// as Stance.Train's default. Then one of:
/// <list type="bullet">
/// <item>ours-rows-lbfgs: Stance's LogisticRegressionTrainer, λ (of the mean loss) and tolerance by Stance's rules unless given;</item>
/// <item>mlnet-rows-lbfgs: ML.NET's LbfgsMaximumEntropy with L1 0 and L2Regularization = λ · Σweights. Its objective is
///   (Σᵢ wᵢ·lossᵢ + ½·L2·‖W‖²) / Σᵢ wᵢ (biases not regularized), ours Σᵢ wᵢ·lossᵢ / Σᵢ wᵢ + ½·λ·‖W‖², so the two have the same
///   minimizer; OptimizationTolerance = our tolerance (both stop on the mean relative improvement over the last 5 iterations);</item>
/// <item>mlnet-rows-sdca: ML.NET's SdcaMaximumEntropy with L1 0 and L2Regularization = λ (SDCA's objective is already the
///   mean loss + ½·λ·‖W‖²), its other settings default.</item>
/// </list>
/// Prepare time: TF-IDF fit and layout (and, for ML.NET, making the VBuffer rows); fit time: the optimizer
/// call alone (for ML.NET, Fit() on the in-memory view, which copies the rows into its own arrays).
/// </summary>
public sealed class RowsPeer(string optimizer, PeerOptions options) : IPeer
{
    private readonly FeaturizerOptions _featurizer = new();

    public string Description => optimizer switch
    {
        "ours-rows-lbfgs" => "Stance featurizer rows → Stance LogisticRegressionTrainer (L-BFGS)",
        "mlnet-rows-lbfgs" => "Stance featurizer rows → ML.NET LbfgsMaximumEntropy (L1 0, L2 = λ·Σw, tolerance = ours)",
        _ => "Stance featurizer rows → ML.NET SdcaMaximumEntropy (L1 0, L2 = λ" + FormattableString.Invariant($", ConvergenceTolerance {options.SdcaTolerance ?? 0.1f}, MaximumNumberOfIterations {(options.SdcaIterations?.ToString() ?? "auto")})"),
    } + $"; λ {(options.Lambda is { } l ? l.ToString("G3", CultureInfo.InvariantCulture) : "0.01/√n")}, class weights {(options.Balanced ? "balanced" : "none")}";

    public PeerResult Run(PeerSplit split)
    {
        int nTrain = split.TrainTexts.Count, nTest = split.TestTexts.Count;
        var classes = split.TrainLabels.Distinct().Order(StringComparer.Ordinal).ToArray();
        int k = classes.Length;
        var y = split.TrainLabels.Select(l => Array.BinarySearch(classes, l, StringComparer.Ordinal)).ToArray();
        var counts = Featurizer.CountAll(_featurizer, split.TrainTexts.Concat(split.TestTexts).ToArray());
        var trainRows = Enumerable.Range(0, nTrain).ToArray();
        var testRows = Enumerable.Range(nTrain, nTest).ToArray();

        var clock = Stopwatch.StartNew();
        var (weighting, columns) = ColumnMatrix.FitTfidf(_featurizer, counts, trainRows);
        var rows = new WeightedRows(counts, weighting, trainRows, columns);
        double lambda = options.Lambda ?? LogisticRegressionOptions.DefaultLambda(nTrain);
        double tolerance = options.Tolerance ?? (columns.NonZeros < LogisticRegressionOptions.SmallProblemNonZeros ? 1e-6 : 1e-4);
        var weight = RowWeights(y, k);
        double prepare = clock.Elapsed.TotalSeconds;
        var test = weighting.Transform(counts, testRows);
        string note = FormattableString.Invariant($"λ={lambda:G3} tol={tolerance:G2} features={columns.ColumnCount} nnz={columns.NonZeros}");

        if (optimizer == "ours-rows-lbfgs")
        {
            var trainer = new LogisticRegressionTrainer(new LogisticRegressionOptions { Lambda = lambda, Tolerance = tolerance, BalanceClasses = options.Balanced, Seed = options.Seed });
            clock.Restart();
            var model = trainer.Fit(rows, y, k);
            double fit = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var predicted = new string[nTest];
            var p = new double[k];
            for (int i = 0; i < nTest; i++)
            {
                model.Scores(test.RowColumns(i), test.RowValues(i), p);
                predicted[i] = classes[ArgMax(p)];
            }
            return new PeerResult(predicted, fit, clock.Elapsed.TotalSeconds, note + $" iterations={trainer.LastFit.Iterations} evaluations={trainer.LastFit.Evaluations}", prepare);
        }

        clock.Restart();
        var ml = new MLContext(seed: (int)(options.Seed % int.MaxValue));
        var map = columns.ColumnMap();
        int features = columns.ColumnCount;
        var trainView = RowsDataView.Load(ml, RowsDataView.Build(rows, map, features, y, weight), features, k);
        var testView = RowsDataView.Load(ml, RowsDataView.Build(new WeightedRows(test), map, features, new int[nTest], new double[nTest]), features, k);
        prepare += clock.Elapsed.TotalSeconds;
        rows = null; columns = null; counts = null!;   // the ML.NET rows are all the trainer needs now

        IDataView scored;
        double fitSeconds;
        if (optimizer == "mlnet-rows-lbfgs")
        {
            var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(FeatureRow.Label), FeatureColumnName = nameof(FeatureRow.Features), ExampleWeightColumnName = nameof(FeatureRow.Weight),
                L1Regularization = 0, L2Regularization = (float)(lambda * weight.Sum()), OptimizationTolerance = (float)tolerance,
            });
            clock.Restart();
            var model = trainer.Fit(trainView);
            fitSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            scored = model.Transform(testView);
        }
        else if (optimizer == "mlnet-rows-sdca")
        {
            var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(FeatureRow.Label), FeatureColumnName = nameof(FeatureRow.Features), ExampleWeightColumnName = nameof(FeatureRow.Weight),
                L1Regularization = 0, L2Regularization = (float)lambda,
                ConvergenceTolerance = options.SdcaTolerance ?? 0.1f, MaximumNumberOfIterations = options.SdcaIterations,
            });
            clock.Restart();
            var model = trainer.Fit(ml.Data.Cache(trainView));
            fitSeconds = clock.Elapsed.TotalSeconds;
            clock.Restart();
            scored = model.Transform(testView);
        }
        else throw new ArgumentException($"unknown rows peer {optimizer}");
        var raw = ml.Data.CreateEnumerable<KeyPrediction>(scored, reuseRowObject: false).Select(p => p.PredictedLabel).ToArray();
        var keys = raw.Select(p => classes[(int)p - 1]).ToArray();   // PredictedLabel comes back 1-based (see RowsDataView.KeyBase)
        return new PeerResult(keys, fitSeconds, clock.Elapsed.TotalSeconds, note + FormattableString.Invariant($" mlnet-L2={(optimizer == "mlnet-rows-lbfgs" ? lambda * weight.Sum() : lambda):G3}"), prepare);
    }

    /// <summary>n / (K_present · n_class) per row when balanced (they sum to n), else 1 — as RegularizationPath weights rows.</summary>
    private double[] RowWeights(int[] y, int classes)
    {
        var count = new int[classes];
        foreach (int c in y) count[c]++;
        int present = count.Count(c => c > 0);
        return y.Select(c => options.Balanced ? (double)y.Length / (present * count[c]) : 1.0).ToArray();
    }

    private static int ArgMax(ReadOnlySpan<double> p)
    {
        int best = 0;
        for (int i = 1; i < p.Length; i++) if (p[i] > p[best]) best = i;
        return best;
    }
}
