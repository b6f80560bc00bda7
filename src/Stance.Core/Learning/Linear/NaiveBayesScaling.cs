using Stance.Core.Features;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// Naive-Bayes feature weights of NBSVM / NB-LR (Wang &amp; Manning 2012, "Baselines and Bigrams"): for
/// class k against the rest, the log-count ratio of every feature
///   r = log((p / ‖p‖₁) / (q / ‖q‖₁)),  p = α + Σ_{i: y_i = k} x̂_i,  q = α + Σ_{i: y_i ≠ k} x̂_i,
/// with x̂ the binarized rows (1 where a feature occurs), as the paper found best, and α = 1 (its default).
/// A model fitted on r∘x scores w·(r∘x) = (w∘r)·x, so it is stored as an ordinary linear model with folded
/// weights and scored on the unchanged TF-IDF rows.
/// </summary>
public static class NaiveBayesScaling
{
    public const double DefaultAlpha = 1.0;

    /// <summary>Per class (one against the rest), the log-count ratio of every column of <paramref name="x"/>.</summary>
    public static double[][] LogCountRatios(ColumnMatrix x, int[] y, int classes, double alpha)
    {
        if (y.Length != x.RowCount) throw new ArgumentException("one label per row is needed");
        if (!(alpha > 0)) throw new ArgumentException("the smoothing α must be positive");
        int F = x.ColumnCount, stride = x.Parts + 1;
        var present = new int[(long)F * classes];   // rows of each class in which each column occurs
        for (int f = 0; f < F; f++)
            for (int p = 0; p < x.Parts; p++)
            {
                int r0 = x.PartRowStart[p];
                for (int j = x.PartStart[(long)f * stride + p], end = x.PartStart[(long)f * stride + p + 1]; j < end; j++)
                    if (x.Entries[j].Value != 0) present[(long)f * classes + y[r0 + x.Entries[j].Row]]++;
            }
        var ratios = new double[classes][];
        for (int k = 0; k < classes; k++)
        {
            double pNorm = 0, qNorm = 0;
            for (int f = 0; f < F; f++)
            {
                var (inClass, others) = Counts(present, f, k, classes);
                pNorm += alpha + inClass;
                qNorm += alpha + others;
            }
            var r = ratios[k] = new double[F];
            for (int f = 0; f < F; f++)
            {
                var (inClass, others) = Counts(present, f, k, classes);
                r[f] = Math.Log((alpha + inClass) / pNorm) - Math.Log((alpha + others) / qNorm);
            }
        }
        return ratios;
    }

    private static (int InClass, int Others) Counts(int[] present, int f, int k, int classes)
    {
        int all = 0;
        for (int c = 0; c < classes; c++) all += present[(long)f * classes + c];
        int inClass = present[(long)f * classes + k];
        return (inClass, all - inClass);
    }

    /// <summary>
    /// Writes class k's one-against-rest model into column k of multinomial-shaped class weights
    /// ((features + 1) × K, feature-major, biases last): its logit is w₁ − w₀ of the binary fit on
    /// r∘x, so weight (w₁,f − w₀,f)·r_f and bias b₁ − b₀. The K logits then pick the class as one-vs-rest does.
    /// </summary>
    public static void Fold(double[] binaryWeights, double[] ratios, int k, double[] classWeights, int classes)
    {
        int F = ratios.Length;
        if (binaryWeights.Length != (F + 1) * 2 || classWeights.Length != (long)(F + 1) * classes) throw new ArgumentException("weight arrays do not match the features");
        for (int f = 0; f < F; f++)
            classWeights[(long)f * classes + k] = (binaryWeights[f * 2 + 1] - binaryWeights[f * 2]) * ratios[f];
        classWeights[(long)F * classes + k] = binaryWeights[F * 2 + 1] - binaryWeights[F * 2];
    }
}
