namespace Stance.Core.Learning.Trees;

/// <summary>Seeded draws of rows and features; each consumes the generator in a fixed order.</summary>
internal static class RowSampling
{
    /// <summary>
    /// Stratified hold-out: each class's rows are shuffled and the first round(fraction · n_class) held
    /// out. Both lists ascend.
    /// </summary>
    public static (List<int> Train, List<int> Held) HoldOut(int[] y, int classes, double fraction, SplitMix64 rng)
    {
        var train = new List<int>();
        var held = new List<int>();
        for (int c = 0; c < classes; c++)
        {
            var rows = new List<int>();
            for (int i = 0; i < y.Length; i++) if (y[i] == c) rows.Add(i);
            rng.Shuffle(rows);
            int take = (int)Math.Round(fraction * rows.Count);
            held.AddRange(rows.GetRange(0, take));
            train.AddRange(rows.GetRange(take, rows.Count - take));
        }
        train.Sort();
        held.Sort();
        return (train, held);
    }

    /// <summary>
    /// Exactly count of the rows 0..n−1, ascending, by selection sampling (Knuth's algorithm S): row i
    /// is taken with probability (still needed) / (still left). Marks the taken rows in inBag.
    /// </summary>
    public static void Bag(int n, int count, SplitMix64 rng, int[] bag, bool[] inBag)
    {
        int taken = 0;
        for (int i = 0; i < n; i++)
        {
            inBag[i] = rng.NextDouble() * (n - i) < count - taken;
            if (inBag[i]) bag[taken++] = i;
        }
    }

    /// <summary>
    /// Marks count of the features in mask, uniformly: a partial Fisher–Yates shuffle of order (any
    /// permutation of 0..F−1, left as it ends for the next draw).
    /// </summary>
    public static void Features(int count, SplitMix64 rng, int[] order, bool[] mask)
    {
        Array.Clear(mask);
        for (int i = 0; i < count; i++)
        {
            int j = i + rng.NextInt(order.Length - i);
            (order[i], order[j]) = (order[j], order[i]);
            mask[order[i]] = true;
        }
    }
}
