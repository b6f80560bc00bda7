using Stance.Core.Common;

namespace Stance.Core.Modeling;

/// <summary>
/// Rough memory needs computed from sizes alone, before anything is allocated, so a run over budget
/// (<see cref="MemoryBudget"/>) stops with one line instead of dying of an out-of-memory error. The
/// figures were calibrated against the peak resident size of Train and Score on the project corpus
/// (about 100 bytes per CSV byte for one fit, plus the dense arrays over the hashed feature space);
/// they are estimates, meant to be within a factor of two. All arithmetic saturates: the inputs may come
/// from an untrusted manifest.
/// </summary>
public static class MemoryEstimate
{
    /// <summary>The runtime, the code and small working buffers.</summary>
    public const long Baseline = 64L << 20;
    /// <summary>The sentence encoder's ONNX session and its working memory (~190 MB measured after loading, more while encoding).</summary>
    public const long Encoder = 320L << 20;
    /// <summary>Bytes of memory per byte of training CSV for one fit: strings, n-gram counts, the weighted matrix.</summary>
    public const long PerInputByte = 100;

    /// <summary>A loaded model: idf and dense weights over the feature space per head, plus the raw entries while they are decoded.</summary>
    public static long ModelLoad(long dimension, IEnumerable<long> classesPerHead, long entryBytes, bool encoder)
    {
        long total = MemoryBudget.Add(encoder ? Baseline + Encoder : Baseline, MemoryBudget.Multiply(dimension, 4));
        foreach (long k in classesPerHead)
            total = MemoryBudget.Add(total, MemoryBudget.Multiply(MemoryBudget.Multiply(dimension, k), 4));
        return MemoryBudget.Add(total, entryBytes);
    }

    /// <summary>
    /// Training: the final fit plus as many cross-validation fits at once as there are cores (up to the
    /// folds), each with its own TF-IDF arrays and dense weights, over data proportional to the CSV.
    /// </summary>
    public static long Training(long inputBytes, long dimension, IReadOnlyList<int> classesPerHead, int folds, int processors, bool encoder)
    {
        long concurrent = folds > 0 ? Math.Min(folds, Math.Max(1, processors)) : 0;
        long fits = 1 + concurrent;
        long total = MemoryBudget.Add(encoder ? Baseline + Encoder : Baseline, MemoryBudget.Multiply(MemoryBudget.Multiply(inputBytes, PerInputByte), fits));
        total = MemoryBudget.Add(total, MemoryBudget.Multiply(MemoryBudget.Multiply(dimension, 8), fits));
        long maxClasses = 0;
        foreach (int k in classesPerHead)
        {
            total = MemoryBudget.Add(total, MemoryBudget.Multiply(MemoryBudget.Multiply(dimension, k), 4));
            maxClasses = Math.Max(maxClasses, k);
        }
        return MemoryBudget.Add(total, MemoryBudget.Multiply(MemoryBudget.Multiply(MemoryBudget.Multiply(dimension, maxClasses), 4), concurrent));
    }

    /// <summary>Scoring one text (or reading one article) of this many characters.</summary>
    public static long Text(long chars) => MemoryBudget.Add(Baseline, MemoryBudget.Multiply(chars, 64));
}
