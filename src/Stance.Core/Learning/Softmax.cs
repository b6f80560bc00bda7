namespace Stance.Core.Learning;

/// <summary>Numerically stable softmax and log-sum-exp over class scores.</summary>
public static class Softmax
{
    /// <summary>Turns scores into probabilities in place; returns log-sum-exp of the original scores.</summary>
    public static double InPlace(Span<double> scores)
    {
        double max = double.NegativeInfinity;
        foreach (double s in scores) max = Math.Max(max, s);
        double sum = 0;
        for (int k = 0; k < scores.Length; k++) { scores[k] = Math.Exp(scores[k] - max); sum += scores[k]; }
        for (int k = 0; k < scores.Length; k++) scores[k] /= sum;
        return max + Math.Log(sum);
    }
}
