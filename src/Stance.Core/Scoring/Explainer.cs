using Stance.Core.Features;
using Stance.Core.Learning.Linear;
using Stance.Core.Modeling;

namespace Stance.Core.Scoring;

/// <summary>
/// Explains a linear head's call: the contribution of feature f to class c relative to the others is
/// x_f · (w_fc − mean_k w_fk), which sums (with the bias term) to the class's logit minus the mean
/// logit. The K word n-grams with the largest positive contribution to the predicted class are returned,
/// named by <see cref="TermCounter.Describe"/>. Ensemble heads are explained by their linear model (the
/// trees weigh its probabilities with text statistics); fasttree heads have no per-n-gram weights, so
/// their explanation is empty.
/// </summary>
public static class Explainer
{
    /// <summary>How many nearest labeled training units an encoder model's explanation lists.</summary>
    public const int Neighbors = 3;

    /// <param name="wordColumns">Only columns below this are explained: word n-grams read as evidence; character fragments ("ement") and encoder dimensions do not.</param>
    public static IReadOnlyList<Contribution> Explain(LinearModel linear, int predicted, ReadOnlySpan<int> columns, ReadOnlySpan<float> values,
        IReadOnlyDictionary<int, string> names, int k, int wordColumns)
    {
        int K = linear.Classes;
        var found = new List<Contribution>(columns.Length);
        for (int j = 0; j < columns.Length; j++)
        {
            if (columns[j] >= wordColumns) continue;
            long o = (long)columns[j] * K;
            double mean = 0;
            for (int c = 0; c < K; c++) mean += linear.Weights[o + c];
            mean /= K;
            double weight = values[j] * (linear.Weights[o + predicted] - mean);
            if (weight > 0) found.Add(new Contribution(names.TryGetValue(columns[j], out var n) ? n : $"#{columns[j]}", weight));
        }
        return found.OrderByDescending(c => c.Weight).ThenBy(c => c.Ngram, StringComparer.Ordinal).Take(k).ToList();
    }

    /// <summary>Explanations of every head of a model for one text.</summary>
    public static IReadOnlyList<Contribution>[] ExplainAll(StanceModel model, string text, double[][] probabilities, TermCounter counter, int k, float[]? encoded = null)
    {
        var (cols, vals) = model.Featurizer.Transform(text, counter, encoded);
        var names = counter.Describe(text);
        var result = new IReadOnlyList<Contribution>[model.Heads.Count];
        for (int h = 0; h < model.Heads.Count; h++)
            result[h] = model.Heads[h].Linear is { } linear
                ? Explain(linear, model.Heads[h].Head.Decide(probabilities[h]), cols, vals, names, k, model.Featurizer.Options.BlockSize)
                : [];
        return result;
    }
}
