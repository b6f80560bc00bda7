namespace Stance.Bench.TrainUnitFilter;

/// <summary>
/// L2-regularized logistic regression by stochastic gradient descent over a fixed, seeded order of the examples:
/// the same examples give the same weights, bit for bit. The weight vector is kept as scale × vector so the L2 shrink
/// of every step costs one multiplication instead of a pass over all weights.
/// </summary>
public static class LogisticTrainer
{
    private const int Epochs = 15;
    private const double Rate = 0.2;

    /// <param name="examples">The training examples, each with the weight of its loss.</param>
    /// <param name="l2">The L2 penalty per example (objective: mean weighted log loss + l2/2 · |w|²).</param>
    /// <param name="dimensions">The number of features.</param>
    public static float[] Train(IReadOnlyList<(Example Example, double Weight)> examples, double l2, int dimensions)
    {
        var vector = new double[dimensions];
        double scale = 1;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        uint state = 2463534242;
        long step = 0;
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            for (int i = order.Length - 1; i > 0; i--)
            {
                state ^= state << 13; state ^= state >> 17; state ^= state << 5;
                int j = (int)(state % (uint)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }
            foreach (int e in order)
            {
                var (example, weight) = examples[e];
                if (weight == 0) continue;
                double rate = Rate / Math.Sqrt(1 + step++ / (double)examples.Count);
                double z = 0;
                for (int k = 0; k < example.Index.Length; k++) z += vector[example.Index[k]] * example.Value[k];
                z *= scale;
                double gradient = weight * (1 / (1 + Math.Exp(-z)) - (example.IsText ? 1 : 0));
                scale *= 1 - rate * l2;
                double change = rate * gradient / scale;
                for (int k = 0; k < example.Index.Length; k++) vector[example.Index[k]] -= change * example.Value[k];
                if (scale < 1e-6)
                {
                    for (int k = 0; k < vector.Length; k++) vector[k] *= scale;
                    scale = 1;
                }
            }
        }
        return [.. vector.Select(v => (float)(v * scale))];
    }
}
