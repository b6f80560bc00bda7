namespace Stance.Core.Learning.Linear;

/// <summary>
/// Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithm 7.4 with the two-loop
/// recursion 7.5) with a backtracking Armijo line search. Made for smooth convex objectives such as
/// L2-regularized logistic regression, where it converges in tens of iterations.
/// </summary>
public sealed class Lbfgs
{
    /// <summary>Computes the objective at x, writes its gradient into the second argument.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    public int Memory { get; init; } = 8;
    public int MaxIterations { get; init; } = 300;
    /// <summary>Stop when the gradient's max-norm falls below this (times max(1, |x|max)).</summary>
    public double GradientTolerance { get; init; } = 1e-5;
    /// <summary>Stop when an iteration lowers the objective by less than this relative amount.</summary>
    public double RelativeTolerance { get; init; } = 1e-9;

    public int Iterations { get; private set; }

    public double Minimize(Objective f, double[] x)
    {
        int n = x.Length, m = Memory;
        var s = new double[m][];
        var y = new double[m][];
        var rho = new double[m];
        var alpha = new double[m];
        int stored = 0, head = 0;
        var g = new double[n];
        var gNew = new double[n];
        var d = new double[n];
        var xNew = new double[n];
        double fx = f(x, g);
        Iterations = 0;
        while (Iterations < MaxIterations && !Converged(g, x))
        {
            Iterations++;
            // Two-loop recursion: d = -H g.
            Array.Copy(g, d, n);
            for (int j = 0; j < stored; j++)
            {
                int i = (head - 1 - j + m) % m;
                alpha[i] = rho[i] * Dot(s[i], d);
                Axpy(-alpha[i], y[i], d);
            }
            double gamma = stored > 0 ? Dot(s[(head - 1 + m) % m], y[(head - 1 + m) % m]) / Dot(y[(head - 1 + m) % m], y[(head - 1 + m) % m]) : 1.0 / Math.Max(1e-12, Norm(g));
            for (int i = 0; i < n; i++) d[i] *= gamma;
            for (int j = stored - 1; j >= 0; j--)
            {
                int i = (head - 1 - j + m) % m;
                double beta = rho[i] * Dot(y[i], d);
                Axpy(alpha[i] - beta, s[i], d);
            }
            for (int i = 0; i < n; i++) d[i] = -d[i];
            double slope = Dot(g, d);
            if (slope >= 0)
            {   // Not a descent direction (numerical trouble): restart from steepest descent.
                stored = 0;
                for (int i = 0; i < n; i++) d[i] = -g[i] / Math.Max(1e-12, Norm(g));
                slope = Dot(g, d);
            }

            double step = 1.0, fNew;
            while (true)
            {
                for (int i = 0; i < n; i++) xNew[i] = x[i] + step * d[i];
                fNew = f(xNew, gNew);
                if (fNew <= fx + 1e-4 * step * slope || step < 1e-20) break;
                step *= 0.5;
            }
            if (fNew > fx) break; // line search failed to improve: we are at the floor of precision

            s[head] ??= new double[n];
            y[head] ??= new double[n];
            for (int i = 0; i < n; i++) { s[head][i] = xNew[i] - x[i]; y[head][i] = gNew[i] - g[i]; }
            double sy = Dot(s[head], y[head]);
            if (sy > 1e-12)
            {
                rho[head] = 1.0 / sy;
                head = (head + 1) % m;
                stored = Math.Min(stored + 1, m);
            }
            double relative = (fx - fNew) / Math.Max(Math.Max(Math.Abs(fx), Math.Abs(fNew)), 1.0);
            Array.Copy(xNew, x, n);
            Array.Copy(gNew, g, n);
            fx = fNew;
            if (relative < RelativeTolerance) break;
        }
        return fx;
    }

    private bool Converged(double[] g, double[] x)
    {
        double gMax = 0, xMax = 1;
        for (int i = 0; i < g.Length; i++) { gMax = Math.Max(gMax, Math.Abs(g[i])); xMax = Math.Max(xMax, Math.Abs(x[i])); }
        return gMax <= GradientTolerance * xMax;
    }

    // A fixed summation order (not SIMD width-dependent) keeps models byte-identical across machines.
    private static double Dot(double[] a, double[] b)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 4 <= a.Length; i += 4) { s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3]; }
        for (; i < a.Length; i++) s0 += a[i] * b[i];
        return (s0 + s1) + (s2 + s3);
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < y.Length; i++) y[i] += a * x[i];
    }
}
