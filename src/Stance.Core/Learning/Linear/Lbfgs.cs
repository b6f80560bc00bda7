using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, algorithm 7.4 with the two-loop
/// recursion 7.5) with a backtracking Armijo line search (safeguarded quadratic interpolation, N&amp;W 3.5). Made for smooth convex objectives such as
/// L2-regularized logistic regression, where it converges in tens of iterations.
///
/// With millions of parameters the vector work of an iteration costs as much as an evaluation of the
/// objective, so it is kept lean: the correction pairs and the search direction are stored in single
/// precision (they only shape the direction; x, the gradient and every sum stay double), the two loops fuse each update with the next
/// dot product, vectors are swapped rather than copied, and every pass runs over fixed chunks of the
/// vector on all cores. Each dot product adds its per-chunk partial sums in chunk order, so results are
/// byte-identical whatever the number of cores.
/// </summary>
public sealed class Lbfgs
{
    /// <summary>Computes the objective at x, writes its gradient into the second argument.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    private const int Chunk = 1 << 15;

    public int Memory { get; init; } = 8;
    public int MaxIterations { get; init; } = 300;
    /// <summary>Stop when the gradient's max-norm falls below this (times max(1, |x|max)).</summary>
    public double GradientTolerance { get; init; } = 1e-5;
    /// <summary>
    /// Stop when the last <see cref="Window"/> iterations lowered the objective by less than this relative
    /// amount per iteration on average (ML.NET's mean-relative-improvement criterion).
    /// </summary>
    public double RelativeTolerance { get; init; } = 1e-9;
    public int Window { get; init; } = 1;

    /// <summary>
    /// Optional diagonal preconditioner D (an estimate of the inverse Hessian's diagonal): the initial
    /// inverse-Hessian approximation becomes γ·D instead of γ·I, with γ = sᵀy / yᵀDy. On TF-IDF features,
    /// whose column norms span orders of magnitude, this evens out the scales the curvature pairs must learn.
    /// </summary>
    public float[]? Preconditioner { get; init; }

    /// <summary>Buffers to run in, kept for the next run that is given them (a new set per run when null).</summary>
    public LbfgsWorkspace? Workspace { get; init; }

    public int Iterations { get; private set; }
    /// <summary>Full evaluations (value and gradient); with an <see cref="IDirectionalObjective"/>, passes over the data / 2.</summary>
    public int Evaluations { get; private set; }

    public double Minimize(Objective f, double[] x0) => Run(f, null, x0);

    /// <summary>
    /// Minimizes an objective whose value along a line is cheap once the line is set (a linear model's
    /// scores are linear in the weights): each iteration costs one pass to set the direction and one
    /// for the gradient at the accepted point, however many steps the line search tries.
    /// </summary>
    public double Minimize(IDirectionalObjective f, double[] x0) => Run(f.Evaluate, f, x0);

    private double Run(Objective f, IDirectionalObjective? line, double[] x0)
    {
        int n = x0.Length, m = Memory;
        var work = Workspace ?? new LbfgsWorkspace();
        work.Fit(n, m);
        var s = work.S;
        var y = work.Y;
        var rho = new double[m];
        var yHy = new double[m];   // yᵀ·D·y (or yᵀy) of each stored pair, for the scaling γ
        var alpha = new double[m];
        int stored = 0, head = 0;
        double[] x = x0, g = work.G, xNew = work.Other, gNew = work.GNew;
        var d = work.D;   // the search direction, like the pairs, only needs single precision
        double fx = f(x, g);
        var history = new double[Window + 1];
        history[0] = fx;
        Evaluations = 1;
        Iterations = 0;
        bool converged = Converged(g, x);
        while (Iterations < MaxIterations && !converged)
        {
            Iterations++;
            // Two-loop recursion: d = −H g. Pairs are visited newest first, then oldest first; each pass
            // applies one pair's update and takes the dot product the next pair needs.
            int Slot(int j) => (head - 1 - j + m) % m;      // j = 0 is the newest pair
            var diag = Preconditioner;
            if (stored == 0)
            {
                // Without pairs: a step of unit length along −g, or the preconditioned step −D·g.
                double gamma = diag is null ? 1.0 / Math.Max(1e-12, Math.Sqrt(Dot(g, g))) : 1.0;
                var gg = g; var dd = d;
                Map(n, (from, to) => { Scale(gg.AsSpan(from, to - from), gamma, diag is null ? default : diag.AsSpan(from, to - from), dd.AsSpan(from, to - from)); return 0; });
            }
            else
            {
                int newest = Slot(0);
                var yn = y[newest];
                double gamma = (1.0 / rho[newest]) / yHy[newest];
                var gg = g; var dd = d; var s0 = s[newest];
                double next = Map(n, (from, to) => CopyDot(gg.AsSpan(from, to - from), dd.AsSpan(from, to - from), s0.AsSpan(from, to - from)));
                for (int j = 0; j < stored; j++)
                {
                    int i0 = Slot(j);
                    double a0 = alpha[i0] = rho[i0] * next;
                    var yj = y[i0];
                    if (j + 1 < stored)
                    {
                        var sNext = s[Slot(j + 1)];
                        next = Map(n, (from, to) => AxpyDot(-a0, yj.AsSpan(from, to - from), dd.AsSpan(from, to - from), sNext.AsSpan(from, to - from)));
                    }
                    else   // the last update also applies H0 = γI, then takes the first dot of the second loop
                    {
                        var yOld = y[Slot(stored - 1)];
                        next = Map(n, (from, to) => AxpyScaleDot(-a0, yj.AsSpan(from, to - from), gamma, diag is null ? default : diag.AsSpan(from, to - from),
                            dd.AsSpan(from, to - from), yOld.AsSpan(from, to - from)));
                    }
                }
                for (int j = stored - 1; j >= 0; j--)
                {
                    int i0 = Slot(j);
                    double coef = alpha[i0] - rho[i0] * next;
                    var sj = s[i0];
                    var yNext = j > 0 ? y[Slot(j - 1)] : null;
                    next = Map(n, (from, to) => yNext is null
                        ? AxpyDot(coef, sj.AsSpan(from, to - from), dd.AsSpan(from, to - from), default)
                        : AxpyDot(coef, sj.AsSpan(from, to - from), dd.AsSpan(from, to - from), yNext.AsSpan(from, to - from)));
                }
            }
            double slope;
            {
                var gg = g; var dd = d;
                slope = Map(n, (from, to) => NegateDot(dd.AsSpan(from, to - from), gg.AsSpan(from, to - from)));
            }
            if (slope >= 0)
            {   // Not a descent direction (numerical trouble): restart from steepest descent.
                stored = 0;
                double gn = Math.Max(1e-12, Math.Sqrt(Dot(g, g)));
                var gg = g; var dd = d;
                Map(n, (from, to) => { Scale(gg.AsSpan(from, to - from), -1.0 / gn, default, dd.AsSpan(from, to - from)); return 0; });
                slope = Map(n, (from, to) => DotDF(gg.AsSpan(from, to - from), dd.AsSpan(from, to - from)));
            }

            double step = 1.0, fNew;
            line?.SetDirection(x, d);
            while (true)
            {
                double st = step;
                if (line is null)
                {
                    var xx = x; var dd = d; var xn = xNew;
                    Map(n, (from, to) => { Step(xx.AsSpan(from, to - from), st, dd.AsSpan(from, to - from), xn.AsSpan(from, to - from)); return 0; });
                    fNew = f(xNew, gNew);
                    Evaluations++;
                }
                else fNew = line.ValueAt(step);
                if (fNew <= fx + 1e-4 * step * slope || step < 1e-20) break;
                // Backtrack to the minimum of the quadratic through f(x), the slope and f(x + step·d),
                // kept within [0.1, 0.5]·step: one retry usually suffices where halving took three.
                double curvature = 2 * (fNew - fx - slope * step);
                double next = curvature > 0 ? -slope * step * step / curvature : 0.5 * step;
                step = Math.Clamp(next, 0.1 * step, 0.5 * step);
            }
            if (fNew > fx) break; // line search failed to improve: we are at the floor of precision
            if (line is not null)
            {
                double st = step;
                var xx = x; var dd = d; var xn = xNew;
                Map(n, (from, to) => { Step(xx.AsSpan(from, to - from), st, dd.AsSpan(from, to - from), xn.AsSpan(from, to - from)); return 0; });
                fNew = line.Accept(step, xNew, gNew);
                Evaluations++;
            }

            // One pass stores the pair and takes everything the next iteration needs from these vectors:
            // sᵀy, yᵀDy, and the max-norms of the new gradient and point for the convergence test.
            var sh = s[head] ??= new float[n];
            var yh = y[head] ??= new float[n];
            var pass = PairPass(x, xNew, g, gNew, sh, yh, diag);
            double syNew = pass.SY;
            converged = pass.GMax <= GradientTolerance * Math.Max(1.0, pass.XMax);
            if (syNew > 1e-12)
            {
                rho[head] = 1.0 / syNew;
                yHy[head] = pass.YHY;
                head = (head + 1) % m;
                stored = Math.Min(stored + 1, m);
            }
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            fx = fNew;
            history[Iterations % history.Length] = fx;
            if (Iterations >= Window)
            {
                double before = history[(Iterations - Window) % history.Length];
                double relative = (before - fx) / (Window * Math.Max(Math.Max(Math.Abs(before), Math.Abs(fx)), 1.0));
                if (relative < RelativeTolerance) break;
            }
        }
        if (!ReferenceEquals(x, x0)) Array.Copy(x, x0, n);
        // The points and gradients were swapped every iteration: hand back whichever arrays are not the caller's.
        (work.Other, work.G, work.GNew) = (ReferenceEquals(x, x0) ? xNew : x, g, gNew);
        return fx;
    }

    // The loops of the passes. Dot products keep their running sums in a fixed interleaving, so their
    // order never depends on the hardware's vector width.
    /// <summary>to = a·c, times the diagonal when one is given.</summary>
    private static void Scale(ReadOnlySpan<double> a, double c, ReadOnlySpan<float> diag, Span<float> to)
    {
        if (diag.IsEmpty) for (int i = 0; i < to.Length; i++) to[i] = (float)(a[i] * c);
        else for (int i = 0; i < to.Length; i++) to[i] = (float)(a[i] * c * diag[i]);
    }


    private static double CopyDot(ReadOnlySpan<double> from, Span<float> to, ReadOnlySpan<float> dotWith)
    {
        double s0 = 0, s1 = 0;
        int i = 0;
        for (; i + 2 <= to.Length; i += 2)
        {
            to[i] = (float)from[i]; to[i + 1] = (float)from[i + 1];
            s0 += (double)dotWith[i] * to[i]; s1 += (double)dotWith[i + 1] * to[i + 1];
        }
        for (; i < to.Length; i++) { to[i] = (float)from[i]; s0 += (double)dotWith[i] * to[i]; }
        return s0 + s1;
    }

    private static double DotDF(ReadOnlySpan<double> a, ReadOnlySpan<float> b)
    {
        double s0 = 0, s1 = 0;
        int i = 0;
        for (; i + 2 <= a.Length; i += 2) { s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; }
        for (; i < a.Length; i++) s0 += a[i] * b[i];
        return s0 + s1;
    }

    // The two kernels that make up most of the vector work use 256-bit vectors of four doubles: Vector256
    // has that fixed width on every machine (emulated lane by lane where the hardware lacks it), each
    // lane is multiplied then added with no fused rounding, and the lanes are summed in a fixed order, so
    // these give the same bits as everywhere else.

    /// <summary>d += a·u (d rounded to single), then returns dotWith·d (0 when dotWith is empty).</summary>
    private static double AxpyDot(double a, ReadOnlySpan<float> u, Span<float> d, ReadOnlySpan<float> dotWith) =>
        UpdateDot(a, u, 1.0, default, d, dotWith);

    /// <summary>d = (d + a·u)·c (times the diagonal when one is given), then returns dotWith·d.</summary>
    private static double AxpyScaleDot(double a, ReadOnlySpan<float> u, double c, ReadOnlySpan<float> diag, Span<float> d, ReadOnlySpan<float> dotWith) =>
        UpdateDot(a, u, c, diag, d, dotWith);

    private static double UpdateDot(double a, ReadOnlySpan<float> u, double c, ReadOnlySpan<float> diag, Span<float> d, ReadOnlySpan<float> dotWith)
    {
        int n = d.Length;
        bool dot = !dotWith.IsEmpty, scaled = c != 1.0 || !diag.IsEmpty;
        if (u.Length < n || (dot && dotWith.Length < n) || (!diag.IsEmpty && diag.Length < n)) throw new ArgumentException("vector lengths differ");
        ref float pu = ref MemoryMarshal.GetReference(u);
        ref float pd = ref MemoryMarshal.GetReference(d);
        ref float pw = ref MemoryMarshal.GetReference(dotWith);
        ref float ph = ref MemoryMarshal.GetReference(diag);
        var va = Vector256.Create(a);
        var vc = Vector256.Create(c);
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        int i = 0;
        for (; i + 8 <= n; i += 8)
        {
            var (ul, uh) = Vector256.Widen(Vector256.LoadUnsafe(ref pu, (nuint)i));
            var (dl, dh) = Vector256.Widen(Vector256.LoadUnsafe(ref pd, (nuint)i));
            dl += va * ul;
            dh += va * uh;
            if (scaled)
            {
                dl *= vc; dh *= vc;
                if (!diag.IsEmpty)
                {
                    var (hl, hh) = Vector256.Widen(Vector256.LoadUnsafe(ref ph, (nuint)i));
                    dl *= hl; dh *= hh;
                }
            }
            var nd = Vector256.Narrow(dl, dh);
            nd.StoreUnsafe(ref pd, (nuint)i);
            if (dot)
            {
                var (wl, wh) = Vector256.Widen(Vector256.LoadUnsafe(ref pw, (nuint)i));
                var (rl, rh) = Vector256.Widen(nd);
                acc0 += wl * rl;
                acc1 += wh * rh;
            }
        }
        var acc = acc0 + acc1;
        double sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        for (; i < n; i++)
        {
            double v = d[i] + a * u[i];
            if (scaled) { v *= c; if (!diag.IsEmpty) v *= diag[i]; }
            d[i] = (float)v;
            if (dot) sum += (double)dotWith[i] * d[i];
        }
        return sum;
    }

    /// <summary>d = −d, then returns g·d.</summary>
    private static double NegateDot(Span<float> d, ReadOnlySpan<double> g)
    {
        double s0 = 0, s1 = 0;
        int k = 0;
        for (; k + 2 <= d.Length; k += 2) { d[k] = -d[k]; d[k + 1] = -d[k + 1]; s0 += g[k] * d[k]; s1 += g[k + 1] * d[k + 1]; }
        for (; k < d.Length; k++) { d[k] = -d[k]; s0 += g[k] * d[k]; }
        return s0 + s1;
    }

    private static void Step(ReadOnlySpan<double> x, double step, ReadOnlySpan<float> d, Span<double> xNew)
    {
        for (int i = 0; i < xNew.Length; i++) xNew[i] = x[i] + step * d[i];
    }

    /// <summary>Stores the correction pair s = xNew − x, y = gNew − g (single precision) and returns s·y of the stored values.</summary>
    /// <summary>
    /// Over fixed chunks (in parallel): stores s = xNew − x and y = gNew − g (single precision) and returns
    /// sᵀy and yᵀDy of the stored values (sums added in chunk order) and max |gNew|, max |xNew| (exact).
    /// </summary>
    private static (double SY, double YHY, double GMax, double XMax) PairPass(double[] x, double[] xNew, double[] g, double[] gNew,
        float[] s, float[] y, float[]? diag)
    {
        int n = x.Length, chunks = Chunks(n);
        var partial = new (double SY, double YHY, double GMax, double XMax)[chunks];
        void Body(int c)
        {
            int from = c * Chunk, to = Math.Min(n, from + Chunk);
            double sy = 0, yhy = 0, gm = 0, xm = 0;
            for (int i = from; i < to; i++)
            {
                float si = s[i] = (float)(xNew[i] - x[i]);
                float yi = y[i] = (float)(gNew[i] - g[i]);
                sy += (double)si * yi;
                yhy += diag is null ? (double)yi * yi : (double)yi * yi * diag[i];
                gm = Math.Max(gm, Math.Abs(gNew[i]));
                xm = Math.Max(xm, Math.Abs(xNew[i]));
            }
            partial[c] = (sy, yhy, gm, xm);
        }
        if (chunks == 1) Body(0); else Parallel.For(0, chunks, Body);
        double tsy = 0, tyhy = 0, tgm = 0, txm = 0;
        foreach (var (sy, yhy, gm, xm) in partial) { tsy += sy; tyhy += yhy; tgm = Math.Max(tgm, gm); txm = Math.Max(txm, xm); }
        return (tsy, tyhy, tgm, txm);
    }

    private bool Converged(double[] g, double[] x)
    {
        var gMax = new double[Chunks(g.Length)];
        var xMax = new double[gMax.Length];
        Map(g.Length, (from, to) =>
        {
            double gm = 0, xm = 1;
            for (int i = from; i < to; i++) { gm = Math.Max(gm, Math.Abs(g[i])); xm = Math.Max(xm, Math.Abs(x[i])); }
            gMax[from / Chunk] = gm; xMax[from / Chunk] = xm;
            return 0;
        });
        return gMax.Max() <= GradientTolerance * xMax.Max();
    }

    private static int Chunks(int n) => Math.Max(1, (n + Chunk - 1) / Chunk);

    /// <summary>
    /// Runs body over fixed chunks of 0..n (in parallel when there are several) and returns the sum of
    /// the chunks' results in chunk order: the same bits on any number of cores.
    /// </summary>
    private static double Map(int n, Func<int, int, double> body)
    {
        int chunks = Chunks(n);
        if (chunks == 1) return body(0, n);
        var partial = new double[chunks];
        Parallel.For(0, chunks, c => partial[c] = body(c * Chunk, Math.Min(n, (c + 1) * Chunk)));
        double sum = 0;
        foreach (double p in partial) sum += p;
        return sum;
    }

    private static double Dot(double[] a, double[] b) => Map(a.Length, (from, to) =>
    {
        var x = a.AsSpan(from, to - from); var y = b.AsSpan(from, to - from);
        double s0 = 0, s1 = 0;
        int i = 0;
        for (; i + 2 <= x.Length; i += 2) { s0 += x[i] * y[i]; s1 += x[i + 1] * y[i + 1]; }
        for (; i < x.Length; i++) s0 += x[i] * y[i];
        return s0 + s1;
    });

}
