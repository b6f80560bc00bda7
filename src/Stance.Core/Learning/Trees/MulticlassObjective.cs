namespace Stance.Core.Learning.Trees;

/// <summary>
/// The multiclass log-loss of one row, L(z) = logsumexp(z) − z_y, with its gradient and the diagonal of
/// its Hessian with respect to the class scores z — the per-row statistics gradient boosting fits.
/// </summary>
public static class MulticlassObjective
{
    /// <summary>
    /// Writes ∂L/∂z_k = p_k − [k = label] and ∂²L/∂z_k² = p_k (1 − p_k), where p = softmax(z); returns L.
    /// </summary>
    public static double Derivatives(ReadOnlySpan<double> scores, int label, Span<double> gradient, Span<double> hessian)
    {
        scores.CopyTo(gradient);
        double loss = Softmax.InPlace(gradient) - scores[label];
        for (int k = 0; k < scores.Length; k++)
        {
            double p = gradient[k];
            hessian[k] = p * (1 - p);
            gradient[k] = k == label ? p - 1 : p;
        }
        return loss;
    }

    /// <summary>L(z) alone.</summary>
    public static double Loss(ReadOnlySpan<double> scores, int label)
    {
        double max = double.NegativeInfinity, sum = 0;
        foreach (double s in scores) max = Math.Max(max, s);
        foreach (double s in scores) sum += Math.Exp(s - max);
        return max + Math.Log(sum) - scores[label];
    }
}
