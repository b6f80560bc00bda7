using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Modeling;

/// <summary>Cross-validated figures of one head, kept in the manifest so users can see how far to trust it.</summary>
public sealed record CvSummary(string Scheme, int Folds, double Accuracy, double MacroF1, double LogLoss, IReadOnlyList<double> FoldMacroF1,
    IReadOnlyList<ClassSummary> PerClass);

public sealed record ClassSummary(string Class, double Precision, double Recall, double F1, long Support);

/// <summary>One label column's classifier: its classes (sorted, ordinal) and the fitted head.</summary>
public sealed record ModelHead(string Label, IReadOnlyList<string> Classes, TrainedHead Head, CvSummary? Cv)
{
    /// <summary>The linear model (linear and ensemble heads; null for fasttree) — what explanations read.</summary>
    public LinearModel? Linear => Head.Linear;
}

/// <summary>Where a model came from, written to the manifest.</summary>
public sealed record TrainingInfo(string DataFile, string DataSha256, int Rows, string TextColumn, ulong Seed, int Folds,
    string Trainer, DateTimeOffset Created);

/// <summary>A trained model: one shared featurizer and one head per label column.</summary>
public sealed class StanceModel
{
    public Featurizer Featurizer { get; }
    public IReadOnlyList<ModelHead> Heads { get; }
    public TrainingInfo Info { get; }

    public StanceModel(Featurizer featurizer, IReadOnlyList<ModelHead> heads, TrainingInfo info)
    {
        if (heads.Count == 0) throw new ArgumentException("a model needs at least one head");
        foreach (var h in heads)
            if (h.Head.Classes != h.Classes.Count || (h.Linear is { } l && l.Dimension != featurizer.Options.Dimension)
                || (h.Head.Trainer == TrainedHead.FastTreeName && h.Head.Trees!.Dimension != featurizer.Options.Dimension))
                throw new ArgumentException($"head {h.Label} does not match the featurizer");
        Featurizer = featurizer; Heads = heads; Info = info;
    }

    public ModelHead? Head(string label) => Heads.FirstOrDefault(h => h.Label == label);

    /// <summary>Class probabilities of one text for every head: result[head][class].</summary>
    public double[][] Predict(string text, TermCounter counter)
    {
        var (cols, vals) = Featurizer.Transform(text, counter);
        var result = new double[Heads.Count][];
        for (int h = 0; h < Heads.Count; h++)
        {
            result[h] = new double[Heads[h].Classes.Count];
            Heads[h].Head.Predict(text, cols, vals, result[h]);
        }
        return result;
    }

    public TermCounter NewCounter() => new(Featurizer.Options);
}
