using Stance.Core.Features;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Learning;

/// <summary>
/// The training rows of one fit: featurized rows, their texts (for text statistics) and labels; the
/// encoder block's columns (from <see cref="EncoderStart"/>, <see cref="EncoderDimension"/> of them; 0 without one) for the tree heads.
/// </summary>
public sealed record TrainingSet(SparseMatrix X, IReadOnlyList<string> Texts, int[] Y, int Classes, int EncoderStart = 0, int EncoderDimension = 0)
{
    public TrainingSet Select(IReadOnlyList<int> rows) =>
        this with { X = X.SelectRows(rows), Texts = rows.Select(r => Texts[r]).ToArray(), Y = LogisticRegressionTrainer.Pick(Y, rows) };
}
