using Stance.Core.Features;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// The L2-regularized multinomial logistic loss
///   f(W, b) = (1 / Σ s_i) Σ_i s_i · (logsumexp(W x_i + b) − (W x_i + b)_{y_i}) + (λ / 2) ‖W‖²
/// and its gradient. Parameters are laid out feature-major: x[f·K + k] is the weight of feature f for
/// class k, followed by the K biases (not regularized).
///
/// The rows are held column by column (<see cref="ColumnMatrix"/>), which makes both halves of an
/// evaluation parallel without any shared writes: the forward pass (scores) runs per part of the rows,
/// each part adding into its own rows' scores; the backward pass (gradient) runs per feature, each
/// feature's gradient a sum down its own column. Every sum has one fixed order (features ascending
/// within a row, rows ascending within a column, parts and chunks in index order), so the result is
/// byte-identical whatever the number of cores.
/// </summary>
public sealed class SoftmaxObjective
{
    private const int FeatureChunk = 2048;
    private readonly ColumnMatrix _x;
    private readonly int[] _y;
    private readonly double[] _rowWeight;
    private readonly double _totalWeight;
    private readonly double[] _z;          // per row: scores, then s_i · (p_i − e_{y_i})
    private readonly double[] _partLoss;
    private readonly double[] _partBias;   // per part: Σ of z over its rows
    private readonly double[] _chunkReg;   // per feature chunk: Σ w²

    public int Classes { get; }
    public int Features { get; }
    public double Lambda { get; set; }
    public int ParameterCount => (Features + 1) * Classes;

    /// <summary>Rows with compact columns (0..ColumnCount-1); every column keeps its index.</summary>
    public SoftmaxObjective(SparseMatrix x, int[] y, int classes, double[] rowWeight, double lambda)
        : this(ColumnMatrix.FromRows(x, compact: false), y, classes, rowWeight, lambda) { }

    public SoftmaxObjective(ColumnMatrix x, int[] y, int classes, double[] rowWeight, double lambda)
    {
        if (y.Length != x.RowCount || rowWeight.Length != x.RowCount) throw new ArgumentException("labels and row weights must match the rows");
        _x = x; _y = y; _rowWeight = rowWeight;
        Classes = classes; Features = x.ColumnCount; Lambda = lambda;
        foreach (double w in rowWeight) _totalWeight += w;
        _z = new double[(long)x.RowCount * classes];
        _partLoss = new double[x.Parts];
        _partBias = new double[x.Parts * classes];
        _chunkReg = new double[(Features + FeatureChunk - 1) / FeatureChunk];
    }

    public double Evaluate(double[] w, double[] gradient)
    {
        if (w.Length != ParameterCount || gradient.Length != ParameterCount) throw new ArgumentException("parameter vectors have the wrong length");
        int K = Classes, biasAt = Features * K;
        double inv = 1.0 / _totalWeight;
        if (_x.Parts == 1) Forward(0, w); else Parallel.For(0, _x.Parts, p => Forward(p, w));
        if (_chunkReg.Length == 1) Backward(0, w, gradient, inv); else Parallel.For(0, _chunkReg.Length, c => Backward(c, w, gradient, inv));
        double loss = 0, reg = 0;
        foreach (double l in _partLoss) loss += l;
        foreach (double r in _chunkReg) reg += r;
        for (int k = 0; k < K; k++)
        {
            double b = 0;
            for (int p = 0; p < _x.Parts; p++) b += _partBias[p * K + k];
            gradient[biasAt + k] = b * inv;
        }
        return loss * inv + 0.5 * Lambda * reg;
    }

    /// <summary>Scores, loss and s·(p − e_y) of the rows of part p.</summary>
    private unsafe void Forward(int p, double[] weights)
    {
        int K = Classes, F = Features, P = _x.Parts, stride = P + 1, biasAt = F * K;
        int r0 = _x.PartRowStart[p], r1 = _x.PartRowStart[p + 1];
        fixed (double* w = weights, z = _z)
        fixed (int* rows = _x.Rows, part = _x.PartStart)
        fixed (float* vals = _x.Values)
        {
            for (int i = r0; i < r1; i++)
                for (int k = 0; k < K; k++) z[(long)i * K + k] = w[biasAt + k];
            int* at = part + p;
            if (K == 3)
            {
                for (int f = 0; f < F; f++, at += stride)
                {
                    int from = at[0], to = at[1];
                    if (from == to) continue;
                    double w0 = w[3 * f], w1 = w[3 * f + 1], w2 = w[3 * f + 2];
                    if (w0 == 0 && w1 == 0 && w2 == 0) continue;
                    for (int j = from; j < to; j++)
                    {
                        double* zi = z + (long)rows[j] * 3;
                        double v = vals[j];
                        zi[0] += w0 * v; zi[1] += w1 * v; zi[2] += w2 * v;
                    }
                }
            }
            else
            {
                for (int f = 0; f < F; f++, at += stride)
                {
                    int from = at[0], to = at[1];
                    double* wf = w + (long)f * K;
                    for (int j = from; j < to; j++)
                    {
                        double* zi = z + (long)rows[j] * K;
                        double v = vals[j];
                        for (int k = 0; k < K; k++) zi[k] += wf[k] * v;
                    }
                }
            }
            double loss = 0;
            double* bias = stackalloc double[K];
            for (int k = 0; k < K; k++) bias[k] = 0;
            for (int i = r0; i < r1; i++)
            {
                var zi = new Span<double>(z + (long)i * K, K);
                int yi = _y[i];
                double zy = zi[yi];
                double lse = Softmax.InPlace(zi);
                double s = _rowWeight[i];
                loss += s * (lse - zy);
                zi[yi] -= 1.0;                       // zi now holds p − e_y
                for (int k = 0; k < K; k++) { zi[k] *= s; bias[k] += zi[k]; }
            }
            _partLoss[p] = loss;
            for (int k = 0; k < K; k++) _partBias[p * K + k] = bias[k];
        }
    }

    /// <summary>Gradient of the features of chunk c: each a sum down its own column, rows ascending.</summary>
    private unsafe void Backward(int c, double[] weights, double[] gradient, double inv)
    {
        int K = Classes;
        int f0 = c * FeatureChunk, f1 = Math.Min(Features, f0 + FeatureChunk);
        double lambda = Lambda, reg = 0;
        fixed (double* w = weights, g = gradient, z = _z)
        fixed (int* rows = _x.Rows, start = _x.ColumnStart)
        fixed (float* vals = _x.Values)
        {
            if (K == 3)
            {
                for (int f = f0; f < f1; f++)
                {
                    double a0 = 0, a1 = 0, a2 = 0;
                    for (int j = start[f], end = start[f + 1]; j < end; j++)
                    {
                        double* zi = z + (long)rows[j] * 3;
                        double v = vals[j];
                        a0 += zi[0] * v; a1 += zi[1] * v; a2 += zi[2] * v;
                    }
                    double* wf = w + 3 * f, gf = g + 3 * f;
                    gf[0] = a0 * inv + lambda * wf[0];
                    gf[1] = a1 * inv + lambda * wf[1];
                    gf[2] = a2 * inv + lambda * wf[2];
                    reg += wf[0] * wf[0] + wf[1] * wf[1] + wf[2] * wf[2];
                }
            }
            else
            {
                double* acc = stackalloc double[K];
                for (int f = f0; f < f1; f++)
                {
                    for (int k = 0; k < K; k++) acc[k] = 0;
                    for (int j = start[f], end = start[f + 1]; j < end; j++)
                    {
                        double* zi = z + (long)rows[j] * K;
                        double v = vals[j];
                        for (int k = 0; k < K; k++) acc[k] += zi[k] * v;
                    }
                    double* wf = w + (long)f * K, gf = g + (long)f * K;
                    for (int k = 0; k < K; k++)
                    {
                        gf[k] = acc[k] * inv + lambda * wf[k];
                        reg += wf[k] * wf[k];
                    }
                }
            }
        }
        _chunkReg[c] = reg;
    }
}
