namespace Stance.Core.Learning.Linear;

/// <summary>
/// Temperature scaling (Guo et al. 2017, "On Calibration of Modern Neural Networks"): the one factor a
/// that minimizes the held-out log-loss of softmax(a·z). Multiplying every logit by the same a &gt; 0 never
/// changes a prediction, only how sure it claims to be. nb-linear needs it: its logits are K one-vs-rest
/// log-odds, and their softmax is sharper than the classes' frequencies on held-out rows warrant.
/// </summary>
public static class TemperatureScaling
{
    /// <summary>Factors are searched in [1/Range, Range].</summary>
    public const double Range = 100;

    /// <summary>
    /// The factor a for held-out logits (row-major, <paramref name="classes"/> per row) and their true
    /// classes. The loss is convex in a, with derivative Σ (E_softmax(a·z)[z] − z_y), increasing in a:
    /// bisection on its sign, in log space, to double precision. 1 when there are no rows.
    /// </summary>
    public static double Fit(ReadOnlySpan<double> logits, ReadOnlySpan<int> actual, int classes)
    {
        if (actual.Length == 0) return 1;
        double lo = -Math.Log(Range), hi = Math.Log(Range);
        if (Slope(logits, actual, classes, Math.Exp(hi)) <= 0) return Math.Exp(hi);
        if (Slope(logits, actual, classes, Math.Exp(lo)) >= 0) return Math.Exp(lo);
        for (int i = 0; i < 100 && hi - lo > 1e-12; i++)
        {
            double mid = (lo + hi) / 2;
            if (Slope(logits, actual, classes, Math.Exp(mid)) > 0) hi = mid; else lo = mid;
        }
        return Math.Exp((lo + hi) / 2);
    }

    /// <summary>d/da of the summed log-loss of softmax(a·z): Σ over rows of (expected logit − the true class's logit).</summary>
    public static double Slope(ReadOnlySpan<double> logits, ReadOnlySpan<int> actual, int classes, double a)
    {
        double slope = 0;
        var p = new double[classes];
        for (int i = 0; i < actual.Length; i++)
        {
            var z = logits.Slice(i * classes, classes);
            for (int k = 0; k < classes; k++) p[k] = a * z[k];
            Softmax.InPlace(p);
            double expected = 0;
            for (int k = 0; k < classes; k++) expected += p[k] * z[k];
            slope += expected - z[actual[i]];
        }
        return slope;
    }
}
