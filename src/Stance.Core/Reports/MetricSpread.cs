using Stance.Core.Evaluation;
namespace Stance.Core.Reports;

/// <summary>
/// One metric measured on each CV fold's test rows: the per-fold values (in fold order), their mean,
/// population standard deviation (divisor k, numpy's default), minimum and maximum.
/// </summary>
public sealed record MetricSpread(string Name, IReadOnlyList<double> PerFold)
{
    public double Mean => PerFold.Count == 0 ? 0 : PerFold.Average();
    public double StandardDeviation
    {
        get
        {
            if (PerFold.Count == 0) return 0;
            double mean = Mean, sum = 0;
            foreach (double v in PerFold) sum += (v - mean) * (v - mean);
            return Math.Sqrt(sum / PerFold.Count);
        }
    }
    public double Min => PerFold.Count == 0 ? 0 : PerFold.Min();
    public double Max => PerFold.Count == 0 ? 0 : PerFold.Max();
}
