using Stance.Core.Learning;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// A fitted multinomial linear classifier over the full feature space: scores = Wᵀx + b, probabilities
/// = softmax(scores). Weights are feature-major (Weights[f·K + k]) so scoring a sparse row reads each
/// feature's K weights from one cache line.
/// </summary>
public sealed class LinearModel
{
    public int Classes { get; }
    public int Dimension { get; }
    public float[] Weights { get; }
    public float[] Bias { get; }
    /// <summary>The L2 strength the model was fitted with (chosen by inner CV unless set).</summary>
    public double Lambda { get; }

    public LinearModel(int classes, int dimension, float[] weights, float[] bias, double lambda)
    {
        if (weights.Length != (long)classes * dimension || bias.Length != classes)
            throw new ArgumentException("weight array sizes do not match classes × dimension");
        Classes = classes; Dimension = dimension; Weights = weights; Bias = bias; Lambda = lambda;
    }

    /// <summary>Raw class scores of one sparse row.</summary>
    public void Scores(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<double> scores)
    {
        int K = Classes;
        for (int k = 0; k < K; k++) scores[k] = Bias[k];
        for (int j = 0; j < columns.Length; j++)
        {
            int o = columns[j] * K;
            float v = values[j];
            for (int k = 0; k < K; k++) scores[k] += Weights[o + k] * v;
        }
    }

    /// <summary>Class probabilities of one sparse row (sum to 1).</summary>
    public void Predict(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<double> probabilities)
    {
        Scores(columns, values, probabilities);
        Softmax.InPlace(probabilities);
    }
}
