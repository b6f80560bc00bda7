namespace Stance.Core.Reports;

/// <summary>
/// Reliability of the predicted probabilities: each prediction's confidence is its largest class
/// probability; predictions are put into <see cref="DefaultBins"/> equal-width bins (0, 0.1], (0.1, 0.2],
/// …, (0.9, 1] (right-closed, as in Guo et al. 2017 and scikit-learn's calibration_curve; a confidence
/// of exactly 0 goes into the first bin), and the expected calibration error is
/// ECE = Σ_b (n_b / N) · |accuracy_b − mean confidence_b|, the gaps weighted by the bins' counts.
/// </summary>
public sealed class Calibration
{
    public const int DefaultBins = 10;

    public IReadOnlyList<CalibrationBin> Bins { get; }
    public double ExpectedCalibrationError { get; }
    /// <summary>The largest gap over the non-empty bins (maximum calibration error).</summary>
    public double MaximumCalibrationError { get; }
    public int Count { get; }

    private Calibration(IReadOnlyList<CalibrationBin> bins, double ece, double mce, int count)
    {
        Bins = bins; ExpectedCalibrationError = ece; MaximumCalibrationError = mce; Count = count;
    }

    public static Calibration Compute(IReadOnlyList<int> actual, IReadOnlyList<double[]> probabilities, int bins = DefaultBins)
    {
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), "at least one bin");
        if (actual.Count != probabilities.Count) throw new ArgumentException("actual and probabilities differ in length");
        var count = new int[bins];
        var confidence = new double[bins];
        var correct = new int[bins];
        for (int i = 0; i < actual.Count; i++)
        {
            var p = probabilities[i];
            int predicted = 0;
            for (int k = 1; k < p.Length; k++) if (p[k] > p[predicted]) predicted = k;
            int b = BinOf(p[predicted], bins);
            count[b]++;
            confidence[b] += p[predicted];
            if (predicted == actual[i]) correct[b]++;
        }
        var result = new CalibrationBin[bins];
        double ece = 0, mce = 0;
        int n = actual.Count;
        for (int b = 0; b < bins; b++)
        {
            double meanConfidence = count[b] == 0 ? 0 : confidence[b] / count[b];
            double accuracy = count[b] == 0 ? 0 : (double)correct[b] / count[b];
            result[b] = new CalibrationBin((double)b / bins, (double)(b + 1) / bins, count[b], meanConfidence, accuracy);
            ece += n == 0 ? 0 : (double)count[b] / n * result[b].Gap;
            if (count[b] > 0) mce = Math.Max(mce, result[b].Gap);
        }
        return new Calibration(result, ece, mce, n);
    }

    /// <summary>The bin whose interval (b/B, (b+1)/B] holds the confidence; compared against the edges as
    /// doubles (so 0.3 falls in (0.2, 0.3], not in the next bin as ⌈0.3·10⌉ − 1 would put it).</summary>
    public static int BinOf(double confidence, int bins)
    {
        for (int b = 0; b < bins - 1; b++)
            if (confidence <= (double)(b + 1) / bins) return b;
        return bins - 1;
    }
}
