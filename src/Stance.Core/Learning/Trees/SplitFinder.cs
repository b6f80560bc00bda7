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
        var scan = new Scan(sumG, sumH, count, minLeaf, lambda);
        BinSums[] bins = hist.Bins, nonZero = hist.NonZero;
        ulong[] occupied = hist.Occupied;
        for (int f = 0; f < layout.FeatureCount; f++)
        {
            ref readonly var stored = ref nonZero[f];
            if (stored.Count < minLeaf) continue; // the side without the zero bin would be too small
            if (featureMask != null && !featureMask[f]) continue;
            int first = layout.Offset[f], cuts = layout.BinCount(f) - 1, zero = layout.ZeroBin[f];
            scan.StartFeature(f);
            bool zeroDone = zero >= cuts;
            // Occupied bins below the last one (a split after the last bin sends every row left).
            for (int w = first >> 6, end = first + cuts; w << 6 < end; w++)
            {
                ulong bits = occupied[w];
                if (w << 6 < first) bits &= ulong.MaxValue << (first & 63);
                if ((w << 6) + 64 > end) bits &= (1UL << (end & 63)) - 1;
                for (; bits != 0; bits &= bits - 1)
                {
                    int b = (w << 6) + BitOperations.TrailingZeroCount(bits) - first;
                    if (!zeroDone && zero < b)
                    {
                        scan.Add(zero, sumG - stored.G, sumH - stored.H, count - stored.Count);
                        zeroDone = true;
                    }
                    ref readonly var bin = ref bins[first + b];
                    scan.Add(b, bin.G, bin.H, bin.Count);
                }
            }
            if (!zeroDone) scan.Add(zero, sumG - stored.G, sumH - stored.H, count - stored.Count);
        }
        return scan.Best;
    }

    /// <summary>Running left-side sums along one feature's bins, and the best split so far.</summary>
    private struct Scan(double sumG, double sumH, int count, int minLeaf, double lambda)
    {
        private readonly double _parentScore = sumG * sumG / (sumH + lambda);
        private double _bestGain = MinimumGain;
        private int _feature;
        private double _gl, _hl, _cl;

        public SplitCandidate Best { get; private set; } = SplitCandidate.None;

        public void StartFeature(int feature)
        {
            _feature = feature;
            _gl = _hl = _cl = 0;
        }

        /// <summary>Adds bin b to the left side and weighs the split after it.</summary>
        public void Add(int b, double g, double h, double binCount)
        {
            _gl += g; _hl += h; _cl += binCount;
            if (binCount == 0 || _cl < minLeaf || count - _cl < minLeaf) return;
            double hr = sumH - _hl;
            if (_hl < MinimumHessian || hr < MinimumHessian) return;
            double gr = sumG - _gl;
            double gain = _gl * _gl / (_hl + lambda) + gr * gr / (hr + lambda) - _parentScore;
            if (gain > _bestGain) { _bestGain = gain; Best = new SplitCandidate(_feature, b, gain); }
        }
    }
}
