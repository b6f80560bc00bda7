using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Modeling;

/// <summary>A trained model: one shared featurizer and one head per label column.</summary>
public sealed class StanceModel
{
    public Featurizer Featurizer { get; }
    public IReadOnlyList<ModelHead> Heads { get; }
    public TrainingInfo Info { get; }
    /// <summary>The labeled training units with their encoder vectors (encoder models only): evidence for explanations.</summary>
    public ExampleBank? Examples { get; }
    /// <summary>What loading the file changed about how it behaves (e.g. an old decision rule no longer applied), for the user to read.</summary>
    public IReadOnlyList<string> LoadNotes { get; init; } = [];

    public StanceModel(Featurizer featurizer, IReadOnlyList<ModelHead> heads, TrainingInfo info, ExampleBank? examples = null)
    {
        if (heads.Count == 0) throw new ArgumentException("a model needs at least one head");
        foreach (var h in heads)
            if (h.Head.Classes != h.Classes.Count || (h.Linear is { } l && l.Dimension != featurizer.Options.Dimension)
                || (h.Head.Features is { } f && (f.EncoderStart, f.EncoderDimension) != (featurizer.Options.EncoderStart, featurizer.Options.EncoderDimension)))
                throw new ArgumentException($"head {h.Label} does not match the featurizer");
        Featurizer = featurizer; Heads = heads; Info = info; Examples = examples;
    }

    public ModelHead? Head(string label) => Heads.FirstOrDefault(h => h.Label == label);

    /// <summary>True when every head is linear over n-grams alone: scoring then reads one fused record per n-gram (<see cref="ScoringTable"/>).</summary>
    public bool AllLinear => !UsesEncoder && Heads.All(h => h.Head.Trainer == TrainerKind.Linear);

    /// <summary>Whether each text needs the sentence encoder's vector to be scored.</summary>
    public bool UsesEncoder => Featurizer.Options.UsesEncoder;

    /// <summary>Builds what scoring needs up front (the fused table of an all-linear model), so parallel scorers do not race for it.</summary>
    public void Prepare()
    {
        if (AllLinear) _ = ScoringTable;
    }

    /// <summary>Class probabilities of one text for every head: result[head][class] (<paramref name="encoded"/>: its encoder vector, when <see cref="UsesEncoder"/>).</summary>
    public double[][] Predict(string text, TermCounter counter, float[]? encoded = null)
    {
        var result = new double[Heads.Count][];
        for (int h = 0; h < Heads.Count; h++) result[h] = new double[Heads[h].Classes.Count];
        Predict(text, counter, result, encoded);
        return result;
    }

    /// <summary>Class probabilities of one text for every head, into <paramref name="result"/>[head][class] (no allocation on the all-linear path).</summary>
    public void Predict(string text, TermCounter counter, double[][] result, float[]? encoded = null)
    {
        if (AllLinear)
        {
            PredictFused(text, counter, result);
            return;
        }
        var (cols, vals) = Featurizer.Transform(text, counter, encoded);
        for (int h = 0; h < Heads.Count; h++) Heads[h].Head.Predict(text, cols, vals, result[h]);
    }

    /// <summary>
    /// Class probabilities of one text for every head, into <paramref name="result"/>[head][class].
    /// Reads one record per distinct n-gram from <see cref="ScoringTable"/> (its idf and every head's
    /// weights side by side), so a text costs one random memory access per distinct n-gram. The arithmetic
    /// is that of <see cref="TfidfWeighting.WeighRow"/> followed by <see cref="LinearModel.Predict"/>, in the
    /// same order, so the probabilities are the same bits as through those two.
    /// </summary>
    private unsafe void PredictFused(string text, TermCounter counter, double[][] result)
    {
        var table = ScoringTable;
        counter.PrefetchRecords(table.Base, table.Stride);
        int n = counter.CountDistinct(text);
        var ids = counter.Ids;
        var counts = counter.Counts;
        int stride = table.Stride, words = counter.WordFeatures;
        bool sublinear = Featurizer.Options.SublinearTf;
        float* records = table.Base;
        var x = counter.Scratch(n);
        // Pass 1: tf·idf per feature and the squared norm of each block.
        double wordSum = 0, charSum = 0;
        for (int i = 0; i < n; i++)
        {
            float idf = records[(long)ids[i] * stride];
            if (idf == 0) { x[i] = float.NaN; continue; }   // unused feature: dropped, as WeighRow drops it
            float v = (float)((sublinear ? TfidfWeighting.Tf(counts[i]) : counts[i]) * idf);
            x[i] = v;
            if (i < words) wordSum += (double)v * v; else charSum += (double)v * v;
        }
        float wordScale = wordSum == 0 ? 1f : (float)(1.0 / Math.Sqrt(wordSum));
        float charScale = charSum == 0 ? 1f : (float)(1.0 / Math.Sqrt(charSum));
        for (int h = 0; h < Heads.Count; h++)
        {
            var z = result[h];
            var bias = Heads[h].Linear!.Bias;
            for (int k = 0; k < z.Length; k++) z[k] = bias[k];
        }
        // Pass 2: the heads' scores (the records are in L1 by now).
        for (int i = 0; i < n; i++)
        {
            float xi = x[i];
            if (float.IsNaN(xi)) continue;
            float v = xi * (i < words ? wordScale : charScale);
            long at = (long)ids[i] * stride + 1;
            for (int h = 0; h < result.Length; h++)
            {
                var z = result[h];
                for (int k = 0; k < z.Length; k++) z[k] += records[at + k] * v;
                at += z.Length;
            }
        }
        foreach (var z in result) Learning.Softmax.InPlace(z);
        GC.KeepAlive(table);   // its memory is freed by its finalizer: keep it alive past the last read
    }

    private ScoringTable? _table;

    /// <summary>The model laid out for scoring (built on first use; all-linear models only): per feature id, its idf then every head's class weights.</summary>
    public ScoringTable ScoringTable
    {
        get
        {
            if (_table is { } t) return t;
            lock (Heads) return _table ??= ScoringTable.Build(this);
        }
    }

    public TermCounter NewCounter() => new(Featurizer.Options);
}
