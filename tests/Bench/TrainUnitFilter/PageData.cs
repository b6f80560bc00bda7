using Stance.Core.Text;

namespace Stance.Bench.TrainUnitFilter;

/// <summary>A fixture page with its training examples and the features of each unit the segmenter finds (null for kinds the filter passes).</summary>
public sealed record PageData(FixturePage Page, List<Example> Examples, IReadOnlyList<(int[] Index, float[] Value)?> FoundFeatures)
{
    public static PageData Of(FixturePage page) => new(page, TrainingExamples.Of(page),
        [.. page.Found.Select(u => u.Kind is UnitKind.Paragraph or UnitKind.Comment ? UnitFeatures.Of(page.Saved, u.Kind, u.Text, u.Line) : ((int[], float[])?)null)]);

    /// <summary>The probability of text of each found unit under <paramref name="weights"/>; 1 for kinds the filter passes.</summary>
    public double[] Probabilities(float[] weights) =>
        [.. FoundFeatures.Select(f => f is not { } x ? 1 : Sigmoid(x.Index.Select((i, k) => weights[i] * (double)x.Value[k]).Sum()))];

    /// <summary>The page's score keeping the found units whose probability reaches <paramref name="threshold"/>.</summary>
    public (int TruePositives, int Found, int Marked) Score(double[] probabilities, double threshold) =>
        Page.Score(Page.Found.Where((_, i) => probabilities[i] >= threshold));

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
