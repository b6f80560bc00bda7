namespace Stance.Core.Learning.Trees;

/// <summary>
/// Cuts one feature's values into histogram bins. Zero always has a bin of its own (every row that does
/// not store the feature lands there), negatives get bins below it and positives above. Each side's
/// share of the budget follows its count of values; within a side the cuts follow the quantiles, a value
/// as frequent as a whole bin's share getting a bin alone. Cuts sit halfway between neighbouring
/// distinct values, so unseen values between them go to the nearer side.
/// </summary>
internal static class QuantileBins
{
    /// <summary>
    /// Upper bounds of all bins but the last (bin b holds v with upper[b−1] &lt; v ≤ upper[b]) for the
    /// given non-zero values sorted ascending, and the index of the zero bin. At most maxBins bins; a
    /// bin of non-zeros is closed once it holds minimumPerBin values (unless one value fills it alone).
    /// </summary>
    public static (float[] Upper, int ZeroBin) Cut(ReadOnlySpan<float> sortedNonZero, int maxBins, int minimumPerBin)
    {
        int negatives = 0;
        while (negatives < sortedNonZero.Length && sortedNonZero[negatives] < 0) negatives++;
        var (negValues, negCounts) = Distinct(sortedNonZero[..negatives]);
        var (posValues, posCounts) = Distinct(sortedNonZero[negatives..]);

        int budget = maxBins - 1, negBudget = 0, posBudget = 0;
        if (negValues.Length > 0 && posValues.Length > 0)
        {
            int share = (int)Math.Round(budget * (double)negatives / sortedNonZero.Length);
            negBudget = Math.Min(negValues.Length, Math.Clamp(share, 1, budget - 1));
            posBudget = Math.Min(posValues.Length, budget - negBudget);
            negBudget = Math.Min(negValues.Length, budget - posBudget); // hand back what positives could not use
        }
        else if (negValues.Length > 0) negBudget = budget;
        else posBudget = budget;

        var upper = new List<float>();
        if (negValues.Length > 0)
        {
            AppendCuts(upper, negValues, negCounts, negBudget, minimumPerBin);
            upper.Add(Between(negValues[^1], 0f));
        }
        int zeroBin = upper.Count;
        if (posValues.Length > 0)
        {
            upper.Add(Between(0f, posValues[0]));
            AppendCuts(upper, posValues, posCounts, posBudget, minimumPerBin);
        }
        return (upper.ToArray(), zeroBin);
    }

    /// <summary>Greedy quantile cuts: close a bin once it holds its share of what is left.</summary>
    private static void AppendCuts(List<float> upper, float[] values, int[] counts, int budget, int minimumPerBin)
    {
        int rest = 0;
        foreach (int c in counts) rest += c;
        int binsLeft = budget, inBin = 0;
        double target = Math.Max(minimumPerBin, (double)rest / binsLeft);
        for (int i = 0; i + 1 < values.Length && binsLeft > 1; i++)
        {
            inBin += counts[i];
            if (inBin < target) continue;
            upper.Add(Between(values[i], values[i + 1]));
            rest -= inBin;
            inBin = 0;
            binsLeft--;
            target = Math.Max(minimumPerBin, (double)rest / binsLeft);
        }
    }

    /// <summary>A threshold t with a ≤ t &lt; b (a &lt; b), as near the midpoint as float allows.</summary>
    private static float Between(float a, float b)
    {
        float t = (float)(((double)a + b) / 2);
        return t >= b ? a : t;
    }

    private static (float[] Values, int[] Counts) Distinct(ReadOnlySpan<float> sorted)
    {
        int n = 0;
        for (int i = 0; i < sorted.Length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) n++;
        var values = new float[n];
        var counts = new int[n];
        int d = -1;
        for (int i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1]) values[++d] = sorted[i];
            counts[d]++;
        }
        return (values, counts);
    }
}
