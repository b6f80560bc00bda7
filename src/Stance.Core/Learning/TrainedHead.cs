using Stance.Core.Learning.Ensemble;
using Stance.Core.Learning.Linear;
using Stance.Core.Learning.Trees;

namespace Stance.Core.Learning;

/// <summary>
/// A fitted classifier for one label column, whichever trainer made it:
/// linear (Linear only), fasttree (Trees over the TF-IDF features) or ensemble (Linear, and Trees over
/// the linear model's class probabilities followed by the <see cref="TextStatistics"/>).
/// <see cref="Fitter"/> names the trainer when it differs from the stored kind: nb-linear fits a linear
/// model on naive-Bayes-weighted n-grams and folds the weights in, so its head is linear; a head read
/// back from a model file does not know it.
/// </summary>
public sealed record TrainedHead(string Trainer, int Classes, LinearModel? Linear, BoostedTreesModel? Trees, TextStatistics? Statistics, string? Fitter = null)
{
    public const string LinearName = "linear", NaiveBayesLinearName = "nb-linear", FastTreeName = "fasttree", EnsembleName = "ensemble";

    /// <summary>The trainer that fitted this head, as the user names it.</summary>
    public string TrainerName => Fitter ?? Trainer;

    /// <summary>
    /// The class this head predicts: always the most probable one, so a label never disagrees with the
    /// probabilities shown beside it. Class imbalance is handled in training (class weights, --balanced),
    /// not by a rule at output.
    /// </summary>
    public int Decide(ReadOnlySpan<double> probabilities) => LogisticRegressionTrainer.ArgMax(probabilities);

    public void Predict(string text, ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<double> probabilities)
    {
        switch (Trainer)
        {
            case LinearName:
                Linear!.Predict(columns, values, probabilities);
                break;
            case FastTreeName:
                Trees!.PredictProbabilities(columns, values, probabilities);
                break;
            default:
                Span<double> linear = stackalloc double[Classes];
                Linear!.Predict(columns, values, linear);
                var (cols, vals) = StackedRow(linear, text, Statistics!);
                Trees!.PredictProbabilities(cols, vals, probabilities);
                break;
        }
    }

    /// <summary>
    /// The ensemble's row for the trees: the linear model's class probabilities, then the text
    /// statistics, as a sparse row holding the non-zero values (zero is the trees' implicit value).
    /// </summary>
    internal static (int[] Columns, float[] Values) StackedRow(ReadOnlySpan<double> linearProbabilities, string text, TextStatistics statistics)
    {
        int K = linearProbabilities.Length;
        Span<float> dense = stackalloc float[K + statistics.Count];
        for (int k = 0; k < K; k++) dense[k] = (float)linearProbabilities[k];
        statistics.Compute(text, dense[K..]);
        int nonZero = 0;
        foreach (float v in dense) if (v != 0) nonZero++;
        var cols = new int[nonZero];
        var vals = new float[nonZero];
        for (int j = 0, at = 0; j < dense.Length; j++)
            if (dense[j] != 0) { cols[at] = j; vals[at++] = dense[j]; }
        return (cols, vals);
    }
}
