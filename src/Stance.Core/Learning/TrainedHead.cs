using Stance.Core.Learning.Linear;
using Stance.Core.Learning.Trees;

namespace Stance.Core.Learning;

/// <summary>
/// A fitted classifier for one label column, whichever trainer made it: linear (Linear only), fasttree
/// or lightgbm (ML.NET trees over the <see cref="TreeFeatures"/> of the text) or ensemble (Linear, and
/// LightGbm over the linear model's class probabilities followed by the same features).
/// <see cref="Fitter"/> names the trainer when it differs from the stored kind: nb-linear fits a linear
/// model on naive-Bayes-weighted n-grams and folds the weights in, so its head is linear; a head read
/// back from a model file does not know it.
/// </summary>
public sealed record TrainedHead(TrainerKind Trainer, int Classes, LinearModel? Linear, TreeModel? Trees, TreeFeatures? Features, TrainerKind? Fitter = null)
{
    /// <summary>The trainer that fitted this head, as the user names it.</summary>
    public TrainerKind FittedBy => Fitter ?? Trainer;

    /// <summary>
    /// The class this head predicts: always the most probable one, so a label never disagrees with the
    /// probabilities shown beside it. Class imbalance is handled in training (class weights, --balanced),
    /// not by a rule at output.
    /// </summary>
    public int Decide(ReadOnlySpan<double> probabilities) => LogisticRegressionTrainer.ArgMax(probabilities);

    public void Predict(string text, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<double> probabilities)
    {
        if (Trees is null)
        {
            Linear!.Predict(columns, values, probabilities);
            return;
        }
        Span<double> linear = stackalloc double[Classes];
        if (Features!.LinearScores > 0) Linear!.Predict(columns, values, linear);
        Span<float> dense = stackalloc float[Features.Width];
        Features.Fill(text, columns, values, linear, dense);
        Trees.PredictProbabilities(dense, probabilities);
    }
}
