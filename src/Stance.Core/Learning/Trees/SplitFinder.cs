using System.Numerics;

namespace Stance.Core.Learning.Trees;

/// <summary>The best split of a leaf: rows whose bin of Feature is ≤ Bin go left. Gain ≤ 0 means none.</summary>
internal readonly record struct SplitCandidate(int Feature, int Bin, double Gain)
{
    public static readonly SplitCandidate None = new(-1, -1, 0);
    public bool Exists => Gain > 0;
}

/// <summary>
/// Scans a leaf's histogram for the split with the largest second-order gain
///   G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)
/// (twice the drop of the Newton-approximated loss). Features and bins are scanned in ascending order
/// and only a strictly larger gain wins, so ties resolve the same way on every run. Only occupied bins
/// and the zero bin are visited: an empty bin adds nothing and would repeat the previous threshold.
/// </summary>
internal static class SplitFinder
{
    /// <summary>As LightGBM's min_sum_hessian_in_leaf: keeps leaf values away from division by ~0 when λ = 0.</summary>
    private const double MinimumHessian = 1e-3;
    /// <summary>Gains below this are rounding noise, not structure.</summary>
    private const double MinimumGain = 1e-10;

    /// <summary>
    /// The best split of a node with totals (sumG, sumH, count) and the given histogram; a feature's zero
    /// bin is the totals minus its non-zero sums. featureMask null = all features.
    /// </summary>
    public static SplitCandidate Best(Histogram hist, BinLayout layout, bool[]? featureMask,
        double sumG, double sumH, int count, int minLeaf, double lambda)
    {
        BinSums[] bins = hist.Bins, nonZero = hist.NonZero;
        ulong[] occupied = hist.Occupied;
        double parentScore = sumG * sumG / (sumH + lambda), bestGain = MinimumGain;
        var best = SplitCandidate.None;
        for (int f = 0; f < layout.FeatureCount; f++)
        {
            ref readonly var stored = ref nonZero[f];
            if (stored.Count < minLeaf) continue; // the side without the zero bin would be too small
            if (featureMask != null && !featureMask[f]) continue;
            int first = layout.Offset[f], end = first + layout.BinCount(f) - 1, zeroSlot = first + layout.ZeroBin[f];
            // The zero bin is put in its (never built) slot for the scan, so one loop sees every bin in order.
            bins[zeroSlot] = new BinSums { G = sumG - stored.G, H = sumH - stored.H, Count = count - stored.Count };
            occupied[zeroSlot >> 6] |= 1UL << zeroSlot;
            double gl = 0, hl = 0, cl = 0;
            // Occupied bins below the last one (a split after the last bin sends every row left).
            for (int w = first >> 6; w << 6 < end; w++)
            {
                ulong bits = occupied[w];
                if (w << 6 < first) bits &= ulong.MaxValue << (first & 63);
                if ((w << 6) + 64 > end) bits &= (1UL << (end & 63)) - 1;
                for (; bits != 0; bits &= bits - 1)
                {
                    int slot = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    ref readonly var bin = ref bins[slot];
                    double binCount = bin.Count;
                    gl += bin.G; hl += bin.H; cl += binCount;
                    if (binCount == 0 || cl < minLeaf || count - cl < minLeaf) continue;
                    double hr = sumH - hl;
                    if (hl < MinimumHessian || hr < MinimumHessian) continue;
                    double gr = sumG - gl;
                    double gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parentScore;
                    if (gain > bestGain) { bestGain = gain; best = new SplitCandidate(f, slot - first, gain); }
                }
            }
            bins[zeroSlot] = default;
            occupied[zeroSlot >> 6] &= ~(1UL << zeroSlot);
        }
        return best;
    }
}
