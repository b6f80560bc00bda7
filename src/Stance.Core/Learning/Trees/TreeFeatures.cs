using Stance.Core.Features;
namespace Stance.Core.Learning.Trees;

/// <summary>
/// The dense row a tree head reads — what trees are good at, not 2^20 sparse hashed n-gram columns:
/// the linear model's class probabilities (ensemble heads only), the <see cref="TextStatistics"/>, and
/// the sentence-encoder block of the featurized row (when the model has one), in that order.
/// </summary>
public sealed record TreeFeatures(int LinearScores, TextStatistics Statistics, int EncoderStart, int EncoderDimension)
{
    public int Width => LinearScores + Statistics.Count + EncoderDimension;

    /// <summary>Writes the dense row of one text into <paramref name="into"/> (length <see cref="Width"/>).</summary>
    /// <param name="linear">The linear model's probabilities (length <see cref="LinearScores"/>).</param>
    public void Fill(string text, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, ReadOnlySpan<double> linear, Span<float> into)
    {
        for (int k = 0; k < LinearScores; k++) into[k] = (float)linear[k];
        Statistics.Compute(text, into.Slice(LinearScores, Statistics.Count));
        var encoder = into.Slice(LinearScores + Statistics.Count, EncoderDimension);
        encoder.Clear();
        for (int j = 0; j < columns.Length; j++)
        {
            int d = columns[j] - EncoderStart;
            if ((uint)d < (uint)EncoderDimension) encoder[d] = values[j];
        }
    }
}
