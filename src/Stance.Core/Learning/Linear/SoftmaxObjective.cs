using System.Runtime.CompilerServices;
using Stance.Core.Features;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// The L2-regularized multinomial logistic loss
///   f(W, b) = (1 / Σ s_i) Σ_i s_i · (logsumexp(W x_i + b) − (W x_i + b)_{y_i}) + (λ / 2) ‖W‖²
/// and its gradient. Parameters are laid out feature-major: x[f·D + j] is coordinate j of feature f,
/// followed by the D bias coordinates (not regularized).
///
/// With <c>sumToZero</c> false, D = K and coordinate j is the weight of class j. With it true, D = K − 1
/// and the coordinates are those of the feature's K class weights in an orthonormal basis B of the
/// vectors whose entries sum to zero (W = B·U). Nothing is lost: the loss's gradient with respect to a
/// feature's K weights always sums to zero, so from W = 0 every iterate of a gradient method stays in
/// that subspace, the minimum lies in it, and B being orthonormal leaves ‖W‖ and the geometry the same.
/// It saves a third of the parameters, of the optimizer's vector work and of the passes' arithmetic
/// for three classes (half for two). <see cref="ClassWeights"/> maps back to W.
///
/// The rows are held column by column (<see cref="ColumnMatrix"/>), which makes both halves of an
/// evaluation parallel without any shared writes: the forward pass (scores) runs per part of the rows,
/// each part adding into its own rows' scores; the backward pass (gradient) runs per feature, each
/// feature's gradient a sum down its own column. Every sum has one fixed order (features ascending
/// within a row, rows ascending within a column, parts and chunks in index order), so the result is
/// byte-identical whatever the number of cores.
/// </summary>
public sealed class SoftmaxObjective : IDirectionalObjective
{
    private const int FeatureChunk = 2048;
    private readonly ColumnMatrix _x;
    private readonly int[] _y;
    private readonly double[] _rowWeight;
    private readonly double _totalWeight;
    private readonly double[] _z;          // per row, D values: the scores at the current point
    private readonly double[] _r;          // per row: s_i · Bᵀ(p_i − e_{y_i}) there (what the gradient sums)
    private double[]? _u, _direction;      // the line being searched: scores of d (X·d + d_bias), d itself
    private double _ww, _wd, _dd;          // ‖w‖², w·d, ‖d‖² over the weights (not the biases), for λ along the line
    private readonly double[] _partLoss;
    private readonly double[] _partBias;   // per part: Σ of z over its rows
    private readonly double[] _chunkReg;   // per feature chunk: Σ w²
    private readonly double[]? _basis;     // K × D, row-major: B[k, j]

    public int Classes { get; }
    public int Features { get; }
    /// <summary>Coordinates per feature: K, or K − 1 in the sum-to-zero parameterization.</summary>
    public int Dims { get; }
    public double Lambda { get; set; }
    public int ParameterCount => (Features + 1) * Dims;

    /// <summary>Rows with compact columns (0..ColumnCount-1); every column keeps its index.</summary>
    public SoftmaxObjective(SparseMatrix x, int[] y, int classes, double[] rowWeight, double lambda, bool sumToZero = false)
        : this(ColumnMatrix.FromRows(x, compact: false), y, classes, rowWeight, lambda, sumToZero) { }

    public SoftmaxObjective(ColumnMatrix x, int[] y, int classes, double[] rowWeight, double lambda, bool sumToZero = false)
    {
        if (y.Length != x.RowCount || rowWeight.Length != x.RowCount) throw new ArgumentException("labels and row weights must match the rows");
        if (classes < 2) throw new ArgumentException("at least two classes");
        _x = x; _y = y; _rowWeight = rowWeight;
        Classes = classes; Features = x.ColumnCount; Lambda = lambda;
        Dims = sumToZero ? classes - 1 : classes;
        if (sumToZero) _basis = SumToZeroBasis(classes);
        foreach (double w in rowWeight) _totalWeight += w;
        _z = new double[(long)x.RowCount * Dims];
        _r = new double[_z.Length];
        _partLoss = new double[x.Parts];
        _partBias = new double[x.Parts * Dims];
        _chunkReg = new double[Math.Max(1, (Features + FeatureChunk - 1) / FeatureChunk)];
    }

    /// <summary>
    /// Helmert's orthonormal basis of {v ∈ ℝ^K : Σ v = 0}: column j (0-based) is
    /// (1, …, 1, −(j+1), 0, …, 0) / √((j+1)(j+2)) with j+1 ones.
    /// </summary>
    public static double[] SumToZeroBasis(int classes)
    {
        int d = classes - 1;
        var b = new double[classes * d];
        for (int j = 0; j < d; j++)
        {
            double norm = Math.Sqrt((j + 1.0) * (j + 2.0));
            for (int k = 0; k <= j; k++) b[k * d + j] = 1.0 / norm;
            b[(j + 1) * d + j] = -(j + 1.0) / norm;
        }
        return b;
    }

    /// <summary>The (Features + 1) × K class weights (feature-major, biases last) of a parameter vector.</summary>
    public double[] ClassWeights(double[] parameters)
    {
        if (_basis is null) return (double[])parameters.Clone();
        int K = Classes, D = Dims;
        var w = new double[(long)(Features + 1) * K];
        for (long f = 0; f <= Features; f++)
            for (int k = 0; k < K; k++)
            {
                double v = 0;
                for (int j = 0; j < D; j++) v += _basis[k * D + j] * parameters[f * D + j];
                w[f * K + k] = v;
            }
        return w;
    }

    /// <summary>
    /// The most probable class of each of the given rows at parameters <paramref name="w"/>: one forward pass
    /// over the data (it overwrites the scores kept for the optimizer, which a new minimization evaluates afresh).
    /// </summary>
    public int[] Predict(double[] w, IReadOnlyList<int> rows)
    {
        if (w.Length != ParameterCount) throw new ArgumentException("parameter vector has the wrong length");
        ForParts(p => ColumnProducts.Scores(_x, p, Dims, w, _z));
        int K = Classes, D = Dims;
        var predicted = new int[rows.Count];
        Span<double> logits = stackalloc double[K];
        for (int i = 0; i < rows.Count; i++)
        {
            long at = (long)rows[i] * D;
            for (int k = 0; k < K; k++)
            {
                if (_basis is null) { logits[k] = _z[at + k]; continue; }
                double v = 0;
                for (int j = 0; j < D; j++) v += _basis[k * D + j] * _z[at + j];
                logits[k] = v;
            }
            predicted[i] = LogisticRegressionTrainer.ArgMax(logits);
        }
        return predicted;
    }

    /// <summary>
    /// A diagonal preconditioner for <see cref="Lbfgs"/>: per coordinate 1 / (λ + c·Σ_i s_i x_if² / Σ s),
    /// the inverse of the Hessian's diagonal when every row's class probabilities are uniform (c = 1/K in
    /// the sum-to-zero parameterization, where the softmax Hessian is then I/K; (K−1)/K² per class
    /// otherwise). Biases use x = 1 and no λ.
    /// </summary>
    public float[] DiagonalPreconditioner()
    {
        int D = Dims, P = _x.Parts, stride = P + 1;
        double c = _basis is not null ? 1.0 / Classes : (Classes - 1.0) / ((double)Classes * Classes);
        double inv = 1.0 / _totalWeight, lambda = Lambda;
        var diag = new float[ParameterCount];
        Parallel.For(0, _chunkReg.Length, chunk =>
        {
            for (int f = chunk * FeatureChunk; f < Math.Min(Features, (chunk + 1) * FeatureChunk); f++)
            {
                double sq = 0;
                for (int p = 0; p < P; p++)
                {
                    int r0 = _x.PartRowStart[p];
                    for (int j = _x.PartStart[(long)f * stride + p], end = _x.PartStart[(long)f * stride + p + 1]; j < end; j++)
                    {
                        var e = _x.Entries[j];
                        sq += _rowWeight[r0 + e.Row] * (double)e.Value * e.Value;
                    }
                }
                float h = (float)(1.0 / (lambda + c * sq * inv));
                for (int k = 0; k < D; k++) diag[(long)f * D + k] = h;
            }
        });
        for (int k = 0; k < D; k++) diag[(long)Features * D + k] = (float)(1.0 / c);
        return diag;
    }

    public double Evaluate(double[] w, double[] gradient)
    {
        if (w.Length != ParameterCount || gradient.Length != ParameterCount) throw new ArgumentException("parameter vectors have the wrong length");
        ForParts(p => { ColumnProducts.Scores(_x, p, Dims, w, _z); Residuals(p); });
        return Gradient(w, gradient);
    }

    /// <summary>Prepares the line x + t·d: the scores of d (one pass over the data) and the λ term's pieces.</summary>
    public void SetDirection(double[] x, float[] d)
    {
        if (d.Length != ParameterCount) throw new ArgumentException("direction has the wrong length");
        _u ??= new double[_z.Length];
        _direction ??= new double[ParameterCount];
        var dir = _direction;
        // ‖w‖², w·d and ‖d‖² over the weights, in fixed chunks added in order (the same bits on any core count).
        int weights = Features * Dims, chunks = Math.Max(1, (weights + 65535) / 65536);
        var partial = new (double WW, double WD, double DD)[chunks];
        Parallel.For(0, chunks, c =>
        {
            double ww = 0, wd = 0, dd = 0;
            for (int i = c * 65536; i < Math.Min(weights, (c + 1) * 65536); i++)
            {
                double di = dir[i] = d[i], xi = x[i];
                ww += xi * xi; wd += xi * di; dd += di * di;
            }
            partial[c] = (ww, wd, dd);
        });
        for (int i = weights; i < dir.Length; i++) dir[i] = d[i];
        _ww = _wd = _dd = 0;
        foreach (var (ww, wd, dd) in partial) { _ww += ww; _wd += wd; _dd += dd; }
        ForParts(p => ColumnProducts.Scores(_x, p, Dims, dir, _u));
    }

    /// <summary>f(x + t·d) from the scores z + t·u, without a pass over the data.</summary>
    public double ValueAt(double t)
    {
        ForParts(p => _partLoss[p] = LossAlong(p, t));
        double loss = 0;
        foreach (double l in _partLoss) loss += l;
        return loss / _totalWeight + 0.5 * Lambda * (_ww + 2 * t * _wd + t * t * _dd);
    }

    /// <summary>Moves to x + t·d (the caller's xNew): scores z += t·u, then the loss and gradient there (one pass).</summary>
    public double Accept(double t, double[] xNew, double[] gradient)
    {
        var u = _u ?? throw new InvalidOperationException("no direction set");
        ForParts(p =>
        {
            for (long i = (long)_x.PartRowStart[p] * Dims; i < (long)_x.PartRowStart[p + 1] * Dims; i++) _z[i] += t * u[i];
            Residuals(p);
        });
        return Gradient(xNew, gradient);
    }

    private void ForParts(Action<int> body)
    {
        if (_x.Parts == 1) body(0); else Parallel.For(0, _x.Parts, body);
    }

    /// <summary>The backward pass and the totals: fills the gradient at w from the residuals, returns f(w).</summary>
    private double Gradient(double[] w, double[] gradient)
    {
        int D = Dims, biasAt = Features * D;
        double inv = 1.0 / _totalWeight;
        if (_chunkReg.Length == 1) Backward(0, w, gradient, inv); else Parallel.For(0, _chunkReg.Length, c => Backward(c, w, gradient, inv));
        double loss = 0, reg = 0;
        foreach (double l in _partLoss) loss += l;
        foreach (double r in _chunkReg) reg += r;
        for (int j = 0; j < D; j++)
        {
            double b = 0;
            for (int p = 0; p < _x.Parts; p++) b += _partBias[p * D + j];
            gradient[biasAt + j] = b * inv;
        }
        return loss * inv + 0.5 * Lambda * reg;
    }

    /// <summary>Part p's loss, and its residuals s·Bᵀ(p − e_y) (or s·(p − e_y)) from the scores z, summed for the bias gradient.</summary>
    private unsafe void Residuals(int p)
    {
        int D = Dims, K = Classes;
        int r0 = _x.PartRowStart[p], r1 = _x.PartRowStart[p + 1];
        fixed (double* zAll = _z, rAll = _r)
        {
            double loss = 0;
            double* bias = stackalloc double[D];
            double* scores = stackalloc double[K];
            for (int j = 0; j < D; j++) bias[j] = 0;
            var basis = _basis;
            for (int i = r0; i < r1; i++)
            {
                double* zi = zAll + (long)i * D, ri = rAll + (long)i * D;
                ClassScores(basis, zi, scores, K, D);
                var s = new Span<double>(scores, K);
                int yi = _y[i];
                double zy = s[yi];
                double lse = Softmax.InPlace(s);
                double weight = _rowWeight[i];
                loss += weight * (lse - zy);
                s[yi] -= 1.0;                       // s now holds p − e_y
                if (basis is null) for (int k = 0; k < K; k++) ri[k] = s[k] * weight;
                else
                    for (int j = 0; j < D; j++)
                    {
                        double v = 0;
                        for (int k = 0; k < K; k++) v += basis[k * D + j] * s[k];
                        ri[j] = v * weight;
                    }
                for (int j = 0; j < D; j++) bias[j] += ri[j];
            }
            _partLoss[p] = loss;
            for (int j = 0; j < D; j++) _partBias[p * D + j] = bias[j];
        }
    }

    /// <summary>A row's K class scores from its D coordinates: B·z in the sum-to-zero basis, z itself without one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void ClassScores(double[]? basis, double* z, double* scores, int K, int D)
    {
        if (basis is null) { for (int k = 0; k < K; k++) scores[k] = z[k]; return; }
        for (int k = 0; k < K; k++)
        {
            double v = 0;
            for (int j = 0; j < D; j++) v += basis[k * D + j] * z[j];
            scores[k] = v;
        }
    }

    /// <summary>Part p's weighted loss at the scores z + t·u (the line being searched).</summary>
    private unsafe double LossAlong(int p, double t)
    {
        int D = Dims, K = Classes;
        int r0 = _x.PartRowStart[p], r1 = _x.PartRowStart[p + 1];
        var basis = _basis;
        double loss = 0;
        fixed (double* zAll = _z, uAll = _u)
        {
            double* point = stackalloc double[D];
            double* scores = stackalloc double[K];
            for (int i = r0; i < r1; i++)
            {
                for (int j = 0; j < D; j++) point[j] = zAll[(long)i * D + j] + t * uAll[(long)i * D + j];
                ClassScores(basis, point, scores, K, D);
                var s = new Span<double>(scores, K);
                double zy = s[_y[i]];
                loss += _rowWeight[i] * (Softmax.InPlace(s) - zy);
            }
        }
        return loss;
    }

    private void Backward(int c, double[] w, double[] gradient, double inv) =>
        _chunkReg[c] = ColumnProducts.Gradient(_x, c * FeatureChunk, Math.Min(Features, (c + 1) * FeatureChunk), Dims, w, gradient, _r, inv, Lambda);
}
