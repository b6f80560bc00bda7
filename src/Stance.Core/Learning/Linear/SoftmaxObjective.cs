using Stance.Core.Features;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// The L2-regularized multinomial logistic loss
///   f(W, b) = (1 / Σ s_i) Σ_i s_i · (logsumexp(W x_i + b) − (W x_i + b)_{y_i}) + (λ / 2) ‖W‖²
/// and its gradient. Parameters are laid out feature-major: x[f·K + k] is the weight of feature f for
/// class k, followed by the K biases (not regularized). Columns of X must already be compact (0..F-1).
/// </summary>
public sealed class SoftmaxObjective
{
    private readonly SparseMatrix _x;
    private readonly int[] _y;
    private readonly double[] _rowWeight;
    private readonly double _totalWeight;

    public int Classes { get; }
    public int Features { get; }
    public double Lambda { get; set; }
    public int ParameterCount => (Features + 1) * Classes;

    public SoftmaxObjective(SparseMatrix x, int[] y, int classes, double[] rowWeight, double lambda)
    {
        _x = x; _y = y; _rowWeight = rowWeight;
        Classes = classes; Features = x.ColumnCount; Lambda = lambda;
        foreach (double w in rowWeight) _totalWeight += w;
    }

    public unsafe double Evaluate(double[] w, double[] gradient)
    {
        int K = Classes, biasAt = Features * K;
        Array.Clear(gradient);
        double* z = stackalloc double[K];
        double loss = 0;
        fixed (double* wp = w, gp = gradient)
        fixed (int* colsAll = _x.Columns)
        fixed (float* valsAll = _x.Values)
        {
            for (int i = 0; i < _x.RowCount; i++)
            {
                int start = _x.RowStart[i], end = _x.RowStart[i + 1];
                for (int k = 0; k < K; k++) z[k] = wp[biasAt + k];
                for (int j = start; j < end; j++)
                {
                    double* wf = wp + colsAll[j] * K;
                    double v = valsAll[j];
                    for (int k = 0; k < K; k++) z[k] += wf[k] * v;
                }
                int yi = _y[i];
                double zy = z[yi];
                double lse = Softmax.InPlace(new Span<double>(z, K));
                double s = _rowWeight[i];
                loss += s * (lse - zy);
                z[yi] -= 1.0;                       // z now holds p − e_y
                for (int k = 0; k < K; k++) z[k] *= s;
                for (int j = start; j < end; j++)
                {
                    double* gf = gp + colsAll[j] * K;
                    double v = valsAll[j];
                    for (int k = 0; k < K; k++) gf[k] += z[k] * v;
                }
                for (int k = 0; k < K; k++) gp[biasAt + k] += z[k];
            }
        }
        double inv = 1.0 / _totalWeight, reg = 0;
        for (int p = 0; p < biasAt; p++)
        {
            gradient[p] = gradient[p] * inv + Lambda * w[p];
            reg += w[p] * w[p];
        }
        for (int p = biasAt; p < gradient.Length; p++) gradient[p] *= inv;
        return loss * inv + 0.5 * Lambda * reg;
    }
}
