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
/// and only a strictly larger gain wins, so ties resolve the same way on every run.
/// </summary>
internal static class SplitFinder
{
    /// <summary>As LightGBM's min_sum_hessian_in_leaf: keeps leaf values away from division by ~0 when λ = 0.</summary>
    private const double MinimumHessian = 1e-3;
    /// <summary>Gains below this are rounding noise, not structure.</summary>
    private const double MinimumGain = 1e-10;

    /// <summary>
    /// Writes each scanned feature's zero bin (node totals minus its non-zero bins) into hist, then
    /// returns the best split. featureMask null = all features.
    /// </summary>
    public static SplitCandidate Best(double[] hist, BinLayout layout, bool[]? featureMask,
        double sumG, double sumH, int count, int minLeaf, double lambda)
    {
        const int S = Histogram.Stride;
        double parentScore = sumG * sumG / (sumH + lambda);
        var best = SplitCandidate.None;
        double bestGain = MinimumGain;
        for (int f = 0; f < layout.FeatureCount; f++)
        {
            if (featureMask != null && !featureMask[f]) continue;
            int first = layout.Offset[f], bins = layout.BinCount(f), zero = first + layout.ZeroBin[f];
            double g = 0, h = 0, c = 0;
            for (int s = first; s < first + bins; s++)
            {
                if (s == zero) continue;
                g += hist[S * s]; h += hist[S * s + 1]; c += hist[S * s + 2];
            }
            if (c < minLeaf) continue; // the side without the zero bin would be too small
            hist[S * zero] = sumG - g;
            hist[S * zero + 1] = sumH - h;
            hist[S * zero + 2] = count - c;

            double gl = 0, hl = 0, cl = 0;
            for (int b = 0; b < bins - 1; b++)
            {
                int s = S * (first + b);
                double binCount = hist[s + 2];
                gl += hist[s]; hl += hist[s + 1]; cl += binCount;
                if (binCount == 0 || cl < minLeaf) continue; // an empty bin repeats the previous threshold
                if (count - cl < minLeaf) break;
                double hr = sumH - hl;
                if (hl < MinimumHessian || hr < MinimumHessian) continue;
                double gr = sumG - gl;
                double gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parentScore;
                if (gain > bestGain) { bestGain = gain; best = new SplitCandidate(f, b, gain); }
            }
        }
        return best;
    }
}
