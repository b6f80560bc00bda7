using System.Runtime.Intrinsics;
using Stance.Core.Features;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// The two products a linear model's fit spends its time in, over rows held column by column
/// (<see cref="ColumnMatrix"/>): scores X·w + b for one part of the rows, and the gradient Xᵀr for a range
/// of features. Each writes only its own slice of the output, so parts and feature ranges run in parallel
/// with no shared writes, and each sum has one fixed order, so the bits do not depend on the core count.
/// </summary>
internal static class ColumnProducts
{
    /// <summary>target = X·w + b over the rows of part p (w: weights then biases, feature-major, D coordinates per feature).</summary>
    public static unsafe void Scores(ColumnMatrix x, int p, int D, double[] weights, double[] target)
    {
        int P = x.Parts, stride = P + 1, biasAt = x.ColumnCount * D;
        int r0 = x.PartRowStart[p], r1 = x.PartRowStart[p + 1];
        fixed (double* w = weights, zAll = target)
        fixed (ColumnEntry* entries = x.Entries)
        fixed (int* part = x.PartStart)
        {
            double* z = zAll + (long)r0 * D;    // this part's rows; entries hold offsets into them
            for (long i = 0; i < (long)(r1 - r0) * D; i += D)
                for (int j = 0; j < D; j++) z[i + j] = w[biasAt + j];
            // Only the features with entries in this part's rows; entries four at a time (distinct rows
            // within a column, so the four read-add-writes are independent and overlap).
            var list = x.PartFeatures[p];
            fixed (int* features = list)
            {
                if (D == 2)
                {
                    // Two coordinates make one 128-bit vector: each lane is multiplied then added on its
                    // own, exactly as the scalar code would, so the bits do not depend on the instruction set.
                    for (int q = 0; q < list.Length; q++)
                    {
                        int f = features[q];
                        int* at = part + (long)f * stride + p;
                        int j = at[0], to = at[1];
                        var wf = Vector128.Load(w + 2 * f);
                        if (wf == Vector128<double>.Zero) continue;
                        for (; j + 4 <= to; j += 4)
                        {
                            ColumnEntry* e = entries + j;
                            double* za = z + e[0].Row * 2, zb = z + e[1].Row * 2, zc = z + e[2].Row * 2, zd = z + e[3].Row * 2;
                            var a = Vector128.Load(za) + wf * Vector128.Create((double)e[0].Value);
                            var b = Vector128.Load(zb) + wf * Vector128.Create((double)e[1].Value);
                            var c = Vector128.Load(zc) + wf * Vector128.Create((double)e[2].Value);
                            var d = Vector128.Load(zd) + wf * Vector128.Create((double)e[3].Value);
                            Vector128.Store(a, za); Vector128.Store(b, zb); Vector128.Store(c, zc); Vector128.Store(d, zd);
                        }
                        for (; j < to; j++)
                        {
                            double* zi = z + entries[j].Row * 2;
                            Vector128.Store(Vector128.Load(zi) + wf * Vector128.Create((double)entries[j].Value), zi);
                        }
                    }
                }
                else
                {
                    for (int q = 0; q < list.Length; q++)
                    {
                        int f = features[q];
                        int* at = part + (long)f * stride + p;
                        double* wf = w + (long)f * D;
                        for (int j = at[0], to = at[1]; j < to; j++)
                        {
                            double* zi = z + (long)entries[j].Row * D;
                            double v = entries[j].Value;
                            for (int k = 0; k < D; k++) zi[k] += wf[k] * v;
                        }
                    }
                }
            }

        }
    }

    /// <summary>
    /// The gradient g = Xᵀr·inv + λw of features f0..f1−1, each a sum down its own column, rows ascending
    /// (r: D residuals per row); returns Σ w² over those features, for the λ term.
    /// </summary>
    public static unsafe double Gradient(ColumnMatrix x, int f0, int f1, int D, double[] weights, double[] gradient, double[] residuals, double inv, double lambda)
    {
        int P = x.Parts, stride = P + 1;
        double reg = 0;
        fixed (double* w = weights, g = gradient, z = residuals)
        fixed (ColumnEntry* entries = x.Entries)
        fixed (int* part = x.PartStart, partRow = x.PartRowStart)
        {
            double* acc = stackalloc double[D];
            for (int f = f0; f < f1; f++)
            {
                int* at = part + (long)f * stride;
                if (D == 2)
                {
                    var a = Vector128<double>.Zero;
                    for (int p = 0; p < P; p++)
                    {
                        double* zp = z + (long)partRow[p] * 2;
                        for (int j = at[p], end = at[p + 1]; j < end; j++)
                            a += Vector128.Load(zp + entries[j].Row * 2) * Vector128.Create((double)entries[j].Value);
                    }
                    a.Store(acc);
                }
                else if (D == 3)
                {
                    double a0 = 0, a1 = 0, a2 = 0;
                    for (int p = 0; p < P; p++)
                    {
                        double* zp = z + (long)partRow[p] * 3;
                        for (int j = at[p], end = at[p + 1]; j < end; j++)
                        {
                            double* zi = zp + entries[j].Row * 3;
                            double v = entries[j].Value;
                            a0 += zi[0] * v; a1 += zi[1] * v; a2 += zi[2] * v;
                        }
                    }
                    acc[0] = a0; acc[1] = a1; acc[2] = a2;
                }
                else
                {
                    for (int k = 0; k < D; k++) acc[k] = 0;
                    for (int p = 0; p < P; p++)
                    {
                        double* zp = z + (long)partRow[p] * D;
                        for (int j = at[p], end = at[p + 1]; j < end; j++)
                        {
                            double* zi = zp + (long)entries[j].Row * D;
                            double v = entries[j].Value;
                            for (int k = 0; k < D; k++) acc[k] += zi[k] * v;
                        }
                    }
                }
                double* wf = w + (long)f * D, gf = g + (long)f * D;
                for (int k = 0; k < D; k++)
                {
                    gf[k] = acc[k] * inv + lambda * wf[k];
                    reg += wf[k] * wf[k];
                }
            }
        }
        return reg;
    }
}
