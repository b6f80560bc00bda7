using Stance.Core.Common;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;

namespace Stance.Tests;

public class TemperatureScalingTests
{
    [Fact]
    public void RecoversTheFactorThatMadeCalibratedLogitsOverconfident()
    {
        // Labels drawn from softmax(z): z is calibrated. Shown 3·z, the fitted factor must be about 1/3.
        const int N = 20_000, K = 3;
        var rng = new SplitMix64(11);
        var logits = new double[N * K];
        var actual = new int[N];
        for (int i = 0; i < N; i++)
        {
            var z = logits.AsSpan(i * K, K);
            for (int k = 0; k < K; k++) z[k] = rng.NextDouble() * 4 - 2;
            var p = new double[K];
            z.CopyTo(p);
            Softmax.InPlace(p);
            double u = rng.NextDouble(), cumulative = 0;
            actual[i] = K - 1;
            for (int k = 0; k < K; k++) if (u < (cumulative += p[k])) { actual[i] = k; break; }
            for (int k = 0; k < K; k++) z[k] *= 3;
        }
        double a = TemperatureScaling.Fit(logits, actual, K);
        Assert.InRange(a, 0.30, 0.37);
        // At the optimum the loss is flat, and on either side it rises.
        Assert.True(Math.Abs(TemperatureScaling.Slope(logits, actual, K, a)) < 1e-6 * N);
        Assert.True(TemperatureScaling.Slope(logits, actual, K, a * 0.9) < 0);
        Assert.True(TemperatureScaling.Slope(logits, actual, K, a * 1.1) > 0);
    }

    [Fact]
    public void EdgeCasesStayInsideTheRange()
    {
        Assert.Equal(1.0, TemperatureScaling.Fit([], [], 3));
        // Every row right with a margin: sharper is always better, up to the range's end.
        Assert.Equal(TemperatureScaling.Range, TemperatureScaling.Fit([2.0, 0.0, 0.0, 3.0], [0, 1], 2), 9);
    }

    [Fact]
    public void NbLinearScalesItsLogitsByTheFittedFactorAndKeepsItsPredictions()
    {
        var (x, y) = LinearLearnerTests.Synthetic(300, 40, 0.25, 5);
        var searched = new LogisticRegressionTrainer(new LogisticRegressionOptions { NaiveBayesAlpha = 1.0 });
        var calibrated = searched.Fit(x, y, 3);
        double a = searched.LastLogitScale;
        Assert.NotEqual(1.0, a);
        var fixedLambda = new LogisticRegressionTrainer(new LogisticRegressionOptions { NaiveBayesAlpha = 1.0, Lambda = calibrated.Lambda });
        var raw = fixedLambda.Fit(x, y, 3);
        Assert.Equal(1.0, fixedLambda.LastLogitScale);
        var zc = new double[3];
        var zr = new double[3];
        for (int i = 0; i < x.RowCount; i++)
        {
            calibrated.Scores(x.RowColumns(i), x.RowValues(i), zc);
            raw.Scores(x.RowColumns(i), x.RowValues(i), zr);
            for (int k = 0; k < 3; k++) Assert.Equal(a * zr[k], zc[k], 1e-5);   // a tolerance, not rounding to 4 places (which splits values either side of a half)
            Assert.Equal(LogisticRegressionTrainer.ArgMax(zr), LogisticRegressionTrainer.ArgMax(zc));
        }
        // Plain multinomial fits are left as they are.
        var plain = new LogisticRegressionTrainer(new LogisticRegressionOptions());
        plain.Fit(x, y, 3);
        Assert.Equal(1.0, plain.LastLogitScale);
    }
}
