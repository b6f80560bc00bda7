using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Stance.Core.Features;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Modeling;

/// <summary>Cross-validated figures of one head, kept in the manifest so users can see how far to trust it.</summary>
public sealed record CvSummary(string Scheme, int Folds, double Accuracy, double MacroF1, double LogLoss, IReadOnlyList<double> FoldMacroF1,
    IReadOnlyList<ClassSummary> PerClass);

public sealed record ClassSummary(string Class, double Precision, double Recall, double F1, long Support);

/// <summary>One label column's classifier: its classes (sorted, ordinal) and its linear model.</summary>
public sealed record ModelHead(string Label, IReadOnlyList<string> Classes, LinearModel Linear, CvSummary? Cv);

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
            if (h.Linear.Dimension != featurizer.Options.Dimension || h.Linear.Classes != h.Classes.Count)
                throw new ArgumentException($"head {h.Label} does not match the featurizer");
        Featurizer = featurizer; Heads = heads; Info = info;
    }

    public ModelHead? Head(string label) => Heads.FirstOrDefault(h => h.Label == label);

    /// <summary>Class probabilities of one text for every head: result[head][class].</summary>
    public double[][] Predict(string text, TermCounter counter)
    {
        var result = new double[Heads.Count][];
        for (int h = 0; h < Heads.Count; h++) result[h] = new double[Heads[h].Classes.Count];
        Predict(text, counter, result);
        return result;
    }

    /// <summary>
    /// Class probabilities of one text for every head, into <paramref name="result"/>[head][class].
    /// Reads one record per distinct n-gram from <see cref="ScoringTable"/> (its idf and every head's
    /// weights side by side), so a text costs one random memory access per distinct n-gram. The arithmetic
    /// is that of <see cref="TfidfWeighting.WeighRow"/> followed by <see cref="LinearModel.Predict"/>, in the
    /// same order, so the probabilities are the same bits as through those two.
    /// </summary>
    public unsafe void Predict(string text, TermCounter counter, double[][] result)
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
            var bias = Heads[h].Linear.Bias;
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

    /// <summary>The model laid out for scoring (built on first use): per feature id, its idf then every head's class weights.</summary>
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

/// <summary>
/// The model as scoring reads it: one record of <see cref="Stride"/> floats per feature id — the idf,
/// then the K weights of head 0, then head 1, … — so a feature costs one cache line, not one per array.
/// The table (32 MB for one three-class head at 2^21 features) lives outside the GC heap, in memory
/// asked to be backed by 2 MB pages where the system offers them (Linux transparent huge pages on
/// madvise): a text's few hundred lookups then miss the TLB far less. It is built from the idf and the
/// heads' non-zero rows only, so loading a model never builds the heads' dense arrays.
/// </summary>
public sealed unsafe class ScoringTable
{
    private const long HugePage = 2 << 20;
    private readonly long _floats;

    public int Stride { get; }
    /// <summary>Address of record 0 (fixed for the table's lifetime).</summary>
    internal float* Base { get; }

    /// <summary>The record of feature f: idf, then each head's class weights.</summary>
    public ReadOnlySpan<float> Record(int f) => new(Base + (long)f * Stride, Stride);

    private ScoringTable(long floats, int stride)
    {
        _floats = floats;
        Stride = stride;
        nuint bytes = (nuint)(floats * sizeof(float));
        Base = (float*)NativeMemory.AlignedAlloc(bytes, (nuint)HugePage);
        GC.AddMemoryPressure((long)bytes);
        if (OperatingSystem.IsLinux() && (long)bytes >= HugePage)
        {
            try { _ = madvise(Base, bytes, 14 /* MADV_HUGEPAGE */); } catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
        }
        NativeMemory.Clear(Base, bytes);
    }

    ~ScoringTable()
    {
        NativeMemory.AlignedFree(Base);
        GC.RemoveMemoryPressure(_floats * sizeof(float));
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int madvise(void* address, nuint length, int advice);

    public static ScoringTable Build(StanceModel model)
    {
        var idf = model.Featurizer.Weighting.Idf;
        int used = 1 + model.Heads.Sum(h => h.Classes.Count);
        int stride = used <= 4 ? 4 : used <= 8 ? 8 : used;   // 16- or 32-byte records never straddle a cache line
        var table = new ScoringTable(checked((long)idf.Length * stride), stride);
        float* records = table.Base;
        for (int f = 0; f < idf.Length; f++)
            if (idf[f] != 0) records[(long)f * stride] = idf[f];
        int offset = 1;
        foreach (var head in model.Heads)
        {
            int K = head.Classes.Count;
            var (features, rows) = head.Linear.NonZeroRows();
            for (int i = 0; i < features.Length; i++)
            {
                if (idf[features[i]] == 0) continue;   // a feature without idf never reaches a head
                float* r = records + (long)features[i] * stride + offset;
                for (int k = 0; k < K; k++) r[k] = rows[(long)i * K + k];
            }
            offset += K;
        }
        GC.KeepAlive(model);
        return table;
    }
}
