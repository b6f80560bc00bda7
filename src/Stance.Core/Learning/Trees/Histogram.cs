namespace Stance.Core.Learning.Trees;

/// <summary>
/// Per-slot sums of a node's rows, three doubles per slot: Σ gradient, Σ hessian, row count (exact in
/// a double). Only stored non-zeros are added; zero bins are derived later from the node totals.
/// </summary>
internal static class Histogram
{
    public const int Stride = 3;

    /// <summary>Fills hist from the rows order[begin..begin+count−1]; gh holds (g, h) per row.</summary>
    public static void Build(double[] hist, BinnedRows rows, int[] order, int begin, int count, double[] gh)
    {
        Array.Clear(hist);
        int[] rowStart = rows.RowStart, slots = rows.Slots;
        for (int i = begin; i < begin + count; i++)
        {
            int r = order[i];
            double g = gh[2 * r], h = gh[2 * r + 1];
            for (int e = rowStart[r]; e < rowStart[r + 1]; e++)
            {
                int s = Stride * slots[e];
                hist[s] += g;
                hist[s + 1] += h;
                hist[s + 2] += 1;
            }
        }
    }

    /// <summary>Turns a parent's histogram into its other child's: parent −= child.</summary>
    public static void Subtract(double[] parent, double[] child)
    {
        for (int i = 0; i < parent.Length; i++) parent[i] -= child[i];
    }
}
