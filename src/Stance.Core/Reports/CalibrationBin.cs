namespace Stance.Core.Reports;

/// <summary>One equal-width confidence bin: (Lower, Upper], its row count, mean confidence and accuracy.</summary>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy)
{
    /// <summary>|accuracy − mean confidence|; 0 for an empty bin.</summary>
    public double Gap => Count == 0 ? 0 : Math.Abs(Accuracy - MeanConfidence);
}
