using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;
using Stance.Core.Learning.Trees;

namespace Stance.Tests;

public class BoostedTreesTests
{
    /// <summary>Two features uniform in [−1, 1]; class 1 when they have the same sign. Extra columns are appended by the caller.</summary>
    private static (SparseMatrix X, int[] Y) Xor(int rows, ulong seed, Func<int, (int[], float[])>? extra = null, int columns = 2)
    {
        var rng = new SplitMix64(seed);
        var data = new (int[], float[])[rows];
        var y = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            float a = (float)(2 * rng.NextDouble() - 1), b = (float)(2 * rng.NextDouble() - 1);
            var (cols, vals) = extra?.Invoke(i) ?? ([], []);
            data[i] = ([0, 1, .. cols], [a, b, .. vals]);
            y[i] = a * b > 0 ? 1 : 0;
        }
        return (SparseMatrix.FromRows(data, columns), y);
    }

    /// <summary>
    /// Text-like rows over 5,000 columns: two dense features (0, 1), eight random "words" from 100..4999
    /// and signal words 50 and 51, each present in about a third of the rows. Class 2 when exactly one
    /// signal word is present, otherwise 1 when the dense features share a sign, else 0.
    /// </summary>
    private static (SparseMatrix X, int[] Y) Mixed(int rows, ulong seed, double labelNoise = 0)
    {
        var rng = new SplitMix64(seed);
        var data = new (int[], float[])[rows];
        var y = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            float a = (float)(2 * rng.NextDouble() - 1), b = (float)(2 * rng.NextDouble() - 1);
            var row = new SortedDictionary<int, float> { [0] = a, [1] = b };
            bool w50 = rng.NextDouble() < 0.35, w51 = rng.NextDouble() < 0.35;
            if (w50) row[50] = (float)(0.5 + rng.NextDouble());
            if (w51) row[51] = (float)(0.5 + rng.NextDouble());
            for (int j = 0; j < 8; j++) row[100 + rng.NextInt(4900)] = (float)(0.1 + rng.NextDouble());
            data[i] = (row.Keys.ToArray(), row.Values.ToArray());
            y[i] = rng.NextDouble() < labelNoise ? rng.NextInt(3) : w50 != w51 ? 2 : a * b > 0 ? 1 : 0;
        }
        return (SparseMatrix.FromRows(data, 5000), y);
    }

    private static (SparseMatrix, int[], SparseMatrix, int[]) Split((SparseMatrix X, int[] Y) set, int train)
    {
        var first = Enumerable.Range(0, train).ToList();
        var rest = Enumerable.Range(train, set.Y.Length - train).ToList();
        return (set.X.SelectRows(first), first.Select(i => set.Y[i]).ToArray(), set.X.SelectRows(rest), rest.Select(i => set.Y[i]).ToArray());
    }

    private delegate void Predictor(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<double> probabilities);

    private static double Accuracy(Predictor predict, int classes, SparseMatrix x, int[] y)
    {
        var p = new double[classes];
        int correct = 0;
        for (int i = 0; i < x.RowCount; i++)
        {
            predict(x.RowColumns(i), x.RowValues(i), p);
            if (LogisticRegressionTrainer.ArgMax(p) == y[i]) correct++;
        }
        return (double)correct / x.RowCount;
    }

    private static double MeanLogLoss(BoostedTreesModel m, SparseMatrix x, int[] y)
    {
        var p = new double[m.Classes];
        double sum = 0;
        for (int i = 0; i < x.RowCount; i++)
        {
            m.PredictProbabilities(x.RowColumns(i), x.RowValues(i), p);
            sum -= Math.Log(p[y[i]]);
        }
        return sum / x.RowCount;
    }

    [Fact]
    public void FitsAnXorSetThatALinearModelCannot()
    {
        var (xTrain, yTrain, xTest, yTest) = Split(Xor(1500, 1), 1000);
        var trees = new BoostedTreesTrainer(new BoostedTreesOptions()).Fit(xTrain, yTrain, 2);
        var linear = new LogisticRegressionTrainer(new LogisticRegressionOptions { Lambda = 1e-4 }).Fit(xTrain, yTrain, 2);
        Assert.InRange(Accuracy(trees.PredictProbabilities, 2, xTest, yTest), 0.93, 1.0);
        Assert.InRange(Accuracy(linear.Predict, 2, xTest, yTest), 0.35, 0.65);
    }

    [Fact]
    public void LearnsInteractionsOfSparseAndDenseFeatures()
    {
        var (xTrain, yTrain, xTest, yTest) = Split(Mixed(2000, 2), 1500);
        var m = new BoostedTreesTrainer(new BoostedTreesOptions()).Fit(xTrain, yTrain, 3);
        Assert.InRange(Accuracy(m.PredictProbabilities, 3, xTest, yTest), 0.9, 1.0);
        Assert.Contains(50, m.UsedFeatures);
        Assert.Contains(51, m.UsedFeatures);
    }

    [Fact]
    public void GradientAndHessianMatchFiniteDifferencesOfTheLogLoss()
    {
        var rng = new SplitMix64(3);
        var z = new double[4];
        var g = new double[4];
        var h = new double[4];
        for (int trial = 0; trial < 20; trial++)
        {
            for (int k = 0; k < z.Length; k++) z[k] = 4 * rng.NextDouble() - 2;
            int label = trial % z.Length;
            double loss = MulticlassObjective.Derivatives(z, label, g, h);
            Assert.Equal(MulticlassObjective.Loss(z, label), loss, 12);
            for (int k = 0; k < z.Length; k++)
            {
                double At(double delta)
                {
                    var shifted = (double[])z.Clone();
                    shifted[k] += delta;
                    return MulticlassObjective.Loss(shifted, label);
                }
                Assert.Equal((At(1e-6) - At(-1e-6)) / 2e-6, g[k], 8);
                Assert.Equal((At(1e-4) - 2 * loss + At(-1e-4)) / 1e-8, h[k], 6);
            }
        }
    }

    [Fact]
    public void HistogramSubtractionAndEvictionGiveTheSameTrees()
    {
        var (x, y) = Mixed(1200, 4, labelNoise: 0.1);
        var options = new BoostedTreesOptions { NumberOfTrees = 8, NumberOfLeaves = 24, MinimumExampleCountPerLeaf = 5 };
        var subtracted = new BoostedTreesTrainer(options).Fit(x, y, 3);
        var direct = new BoostedTreesTrainer(options with { HistogramSubtraction = false }).Fit(x, y, 3);
        // A budget below one histogram leaves a pool of two buffers, so open leaves keep losing theirs.
        var evicting = new BoostedTreesTrainer(options with { HistogramBudgetBytes = 1 }).Fit(x, y, 3);
        Assert.True(subtracted.SplitFeature.Length > 400); // nearly full trees: 24 trees of at most 23 nodes
        Assert.Equal(direct.ToBytes(), subtracted.ToBytes());
        Assert.Equal(direct.ToBytes(), evicting.ToBytes());
    }

    [Fact]
    public void HistogramSplitSearchFindsTheBestSplitOfTheRows()
    {
        // Random gradients on a row subset, then on the subset's rows with column 1 above 0 (whose
        // histogram comes from subtracting its sibling's): the search must agree with trying every
        // threshold of every feature directly on the rows — zero bins included.
        var (x, _) = Mixed(900, 10);
        var layout = BinLayout.Build(x, 64, 10);
        var rows = BinnedRows.From(x, layout);
        var rng = new SplitMix64(10);
        var gh = new GradientPair[x.RowCount];
        for (int r = 0; r < x.RowCount; r++) gh[r] = new GradientPair { G = rng.NextDouble() - 0.4, H = 0.1 + 0.2 * rng.NextDouble() };
        int[] parent = Enumerable.Range(0, x.RowCount).Where(r => r % 4 != 0).ToArray();
        int[] sibling = parent.Where(r => x.RowColumns(r).IndexOf(1) < 0 || x.RowValues(r)[x.RowColumns(r).IndexOf(1)] <= 0).ToArray();
        int[] child = parent.Except(sibling).ToArray();
        var parentHist = new Histogram(layout);
        var siblingHist = new Histogram(layout);
        parentHist.Build(rows, parent, 0, parent.Length, gh);
        Assert.Equal(BruteForce(parent), Search(parentHist, parent));
        var leafOf = Enumerable.Repeat(-1, x.RowCount).ToArray();
        foreach (int r in parent) leafOf[r] = 3;
        var byColumns = new Histogram(layout);
        byColumns.BuildByColumns(BinnedColumns.From(rows, layout), gh, leafOf, 3);
        Assert.Equal(BruteForce(parent), Search(byColumns, parent));
        siblingHist.Build(rows, sibling, 0, sibling.Length, gh);
        parentHist.Subtract(siblingHist);
        Assert.Equal(BruteForce(child), Search(parentHist, child));

        (double, double, int) Totals(IEnumerable<int> set) => (set.Sum(r => gh[r].G), set.Sum(r => gh[r].H), set.Count());
        (int, int, double) Search(Histogram hist, int[] set)
        {
            var (g, h, c) = Totals(set);
            var best = SplitFinder.Best(hist, layout, null, g, h, c, 10, 1.0);
            return (best.Feature, best.Bin, Math.Round(best.Gain, 9));
        }
        (int, int, double) BruteForce(int[] set)
        {
            var (g, h, c) = Totals(set);
            (int, int, double) best = (-1, -1, 1e-10);
            for (int f = 0; f < layout.FeatureCount; f++)
                for (int b = 0; b < layout.BinCount(f) - 1; b++)
                {
                    var left = set.Where(r => rows.BinOf(r, f) <= b).ToArray();
                    var (gl, hl, cl) = Totals(left);
                    if (cl < 10 || c - cl < 10) continue;
                    double gain = gl * gl / (hl + 1) + (g - gl) * (g - gl) / (h - hl + 1) - g * g / (h + 1);
                    if (gain > best.Item3 + 1e-9) best = (f, b, gain);
                }
            return (best.Item1, best.Item2, Math.Round(best.Item3, 9));
        }
    }

    [Fact]
    public void RowsEndInTheLeavesTheTreeSendsThemTo()
    {
        // The grower partitions rows by column marks or by binary search; either way each row's leaf must
        // be the one a traversal of the finished tree reaches.
        var (x, _) = Mixed(1500, 11);
        var layout = BinLayout.Build(x, 255, 5);
        var rows = BinnedRows.From(x, layout);
        var rng = new SplitMix64(11);
        var gh = new GradientPair[x.RowCount];
        for (int r = 0; r < x.RowCount; r++) gh[r] = new GradientPair { G = rng.NextDouble() - 0.5, H = 0.25 };
        var options = new BoostedTreesOptions { NumberOfLeaves = 40, MinimumExampleCountPerLeaf = 5 };
        var grower = new TreeGrower(rows, BinnedColumns.From(rows, layout), layout, options);
        var bag = Enumerable.Range(0, x.RowCount).ToArray();
        var tree = grower.Grow(gh, bag, bag.Length, null);
        Assert.Equal(40, tree.LeafCount);
        var scores = new double[x.RowCount];
        grower.AddLeafValues(tree, scores);
        for (int r = 0; r < x.RowCount; r++) Assert.Equal(tree.LeafValue[tree.LeafOf(rows, r)], scores[r]);
    }

    [Fact]
    public void EarlyStoppingKeepsTheRoundWithTheBestValidationLoss()
    {
        var (xTrain, yTrain, xValid, yValid) = Split(Mixed(1000, 5, labelNoise: 0.6), 700);
        var options = new BoostedTreesOptions { NumberOfTrees = 300, LearningRate = 0.3, EarlyStoppingRounds = 10 };
        var trainer = new BoostedTreesTrainer(options);
        var m = trainer.Fit(xTrain, yTrain, 3, xValid, yValid);
        var losses = trainer.LastValidationLosses;
        Assert.InRange(m.Rounds, 1, 100);
        Assert.Equal(m.Rounds + 10, losses.Count);
        Assert.Equal(losses.Min(), losses[m.Rounds - 1]);
        Assert.Equal(losses[m.Rounds - 1], MeanLogLoss(m, xValid, yValid), 9);

        var held = trainer.Fit(xTrain, yTrain, 3);
        Assert.InRange(held.Rounds, 1, 100);
        Assert.Equal(held.Rounds + 10, trainer.LastValidationLosses.Count);
        Assert.Throws<ArgumentException>(() => new BoostedTreesTrainer(options with { ValidationFraction = 0 }).Fit(xTrain, yTrain, 3));
    }

    [Fact]
    public void ColumnsThatCannotSeparateRowsAreNeverSplitOn()
    {
        // Column 2: the same value everywhere; 3: stored zeros only; 4: in 8 rows, all of class 1 (fewer than a leaf holds).
        var (x, y) = Xor(800, 6, i => ([2, 3, 4], [1f, 0f, i % 100 == 0 ? 5f : 0f]), columns: 5);
        for (int i = 0; i < 800; i += 100) y[i] = 1;
        var m = new BoostedTreesTrainer(new BoostedTreesOptions { NumberOfLeaves = 31 }).Fit(x, y, 2);
        Assert.Equal([0, 1], m.UsedFeatures);
    }

    [Fact]
    public void SameSeedGivesTheSameBytesOnAnyThreadCountAndAnotherSeedDoesNot()
    {
        var (x, y) = Mixed(800, 7, labelNoise: 0.1);
        var options = new BoostedTreesOptions { NumberOfTrees = 15, FeatureFraction = 0.7, BaggingFraction = 0.7, Seed = 1 };
        byte[] one = new BoostedTreesTrainer(options with { NumberOfThreads = 1 }).Fit(x, y, 3).ToBytes();
        byte[] two = new BoostedTreesTrainer(options with { NumberOfThreads = 2 }).Fit(x, y, 3).ToBytes();
        byte[] again = new BoostedTreesTrainer(options).Fit(x, y, 3).ToBytes();
        byte[] other = new BoostedTreesTrainer(options with { Seed = 2 }).Fit(x, y, 3).ToBytes();
        Assert.Equal(one, two);
        Assert.Equal(one, again);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void BytesRoundTripExactlyAndCorruptionIsRejected()
    {
        var (x, y) = Mixed(600, 8, labelNoise: 0.1);
        var m = new BoostedTreesTrainer(new BoostedTreesOptions { NumberOfTrees = 5 }).Fit(x, y, 3);
        byte[] bytes = m.ToBytes();
        var back = BoostedTreesModel.FromBytes(bytes, x.ColumnCount)!;
        Assert.Equal(bytes, back.ToBytes());
        Assert.Equal(m.Rounds, back.Rounds);
        Assert.Equal(m.UsedFeatures, back.UsedFeatures);
        var p = new double[3];
        var q = new double[3];
        for (int i = 0; i < x.RowCount; i++)
        {
            m.PredictProbabilities(x.RowColumns(i), x.RowValues(i), p);
            back.PredictProbabilities(x.RowColumns(i), x.RowValues(i), q);
            Assert.Equal(p, q);
        }

        Assert.Null(BoostedTreesModel.FromBytes(bytes, x.ColumnCount + 1));
        for (int length = 0; length < bytes.Length; length++) Assert.Null(BoostedTreesModel.FromBytes(bytes[..length], x.ColumnCount));
        // Every count and every tree index must be checked: flipping any bit of the header, of the
        // per-tree leaf counts or of a child reference gives an inconsistent model.
        int used = m.UsedFeatures.Count, trees = m.Rounds * 3, countsAt = 32 + 4 * used + 8 * 3, nodesAt = countsAt + 4 * trees;
        int nodes = BitConverter.ToInt32(bytes, 24);
        var structural = Enumerable.Range(0, 32).Concat(Enumerable.Range(countsAt, 4 * trees))
            .Concat(Enumerable.Range(0, nodes).SelectMany(i => Enumerable.Range(nodesAt + 16 * i + 8, 8)));
        foreach (int at in structural)
            for (int bit = 0; bit < 8; bit++) Assert.Null(BoostedTreesModel.FromBytes(Flip(bytes, at, bit), x.ColumnCount));
        // Elsewhere a flip may still be a valid model, but reading must never throw.
        var rng = new SplitMix64(8);
        for (int trial = 0; trial < 2000; trial++) BoostedTreesModel.FromBytes(Flip(bytes, rng.NextInt(bytes.Length), rng.NextInt(8)), x.ColumnCount);
    }

    private static byte[] Flip(byte[] bytes, int at, int bit)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= (byte)(1 << bit);
        return copy;
    }

    [Fact]
    public void ProbabilitiesAreAProperDistribution()
    {
        var (x, y) = Mixed(600, 9, labelNoise: 0.2);
        var m = new BoostedTreesTrainer(new BoostedTreesOptions { NumberOfTrees = 20 }).Fit(x, y, 3);
        var p = new double[3];
        void Check(ReadOnlySpan<int> columns, ReadOnlySpan<float> values)
        {
            m.PredictProbabilities(columns, values, p);
            Assert.Equal(1.0, p.Sum(), 12);
            Assert.All(p, v => Assert.InRange(v, 0.0, 1.0));
        }
        for (int i = 0; i < x.RowCount; i++) Check(x.RowColumns(i), x.RowValues(i));
        Check([], []);
        Check([4999, 51, 0, 7_000_000], [3f, -2f, 100f, 1f]); // unsorted, with a column outside the model
    }

    [Fact]
    public void BinsKeepZeroAloneAndRespectTheLimit()
    {
        var values = Enumerable.Range(1, 500).Select(i => (float)(i % 2 == 0 ? i : -i) / 7).Order().ToArray();
        var (upper, zero) = QuantileBins.Cut(values, 9, 3);
        Assert.True(upper.Length + 1 <= 9);
        Assert.True(upper[zero - 1] < 0 && upper[zero] >= 0 && upper[zero] < values.Where(v => v > 0).Min());
        Assert.True(upper.Zip(upper.Skip(1)).All(p => p.First < p.Second));
        // Few distinct values: one bin each, thresholds between neighbours.
        var (few, zeroFew) = QuantileBins.Cut([1f, 1f, 1f, 2f, 2f, 2f, 3f, 3f, 3f], 255, 3);
        Assert.Equal(0, zeroFew);
        Assert.Equal([0.5f, 1.5f, 2.5f], few);
    }
}
