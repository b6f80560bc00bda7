using System.Runtime.InteropServices;

namespace Stance.Core.Modeling;

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
    }

    ~ScoringTable()
    {
        NativeMemory.AlignedFree(Base);
        GC.RemoveMemoryPressure(_floats * sizeof(float));
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int madvise(void* address, nuint length, int advice);

    /// <summary>Builds the table on all cores, each filling (and first zeroing) its own range of feature ids.</summary>
    public static ScoringTable Build(StanceModel model)
    {
        var idf = model.Featurizer.Weighting.Idf;
        int used = 1 + model.Heads.Sum(h => h.Classes.Count);
        int stride = used <= 4 ? 4 : used <= 8 ? 8 : used;   // 16- or 32-byte records never straddle a cache line
        var table = new ScoringTable(checked((long)idf.Length * stride), stride);
        var heads = model.Heads.Select(h => (h.Linear!.NonZeroRows(), h.Classes.Count)).ToArray();
        int parts = Math.Clamp(Environment.ProcessorCount, 1, 8);
        Parallel.For(0, parts, part => table.Fill(idf, heads, (int)((long)idf.Length * part / parts), (int)((long)idf.Length * (part + 1) / parts)));
        GC.KeepAlive(model);
        return table;
    }

    private void Fill(float[] idf, ((int[] Features, float[] Rows) Rows, int Classes)[] heads, int from, int to)
    {
        float* records = Base;
        NativeMemory.Clear(records + (long)from * Stride, (nuint)((long)(to - from) * Stride * sizeof(float)));
        for (int f = from; f < to; f++)
            if (idf[f] != 0) records[(long)f * Stride] = idf[f];
        int offset = 1;
        foreach (var ((features, rows), K) in heads)
        {
            int start = Array.BinarySearch(features, from);
            for (int i = start < 0 ? ~start : start; i < features.Length && features[i] < to; i++)
            {
                if (idf[features[i]] == 0) continue;   // a feature without idf never reaches a head
                float* r = records + (long)features[i] * Stride + offset;
                for (int k = 0; k < K; k++) r[k] = rows[(long)i * K + k];
            }
            offset += K;
        }
    }
}
