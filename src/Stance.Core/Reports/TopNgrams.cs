using Stance.Core.Features;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Reports;

/// <summary>
/// Names the heaviest features of a linear head. Features are hashed, so the model alone cannot say
/// which n-gram a bucket stands for: the texts are run through <see cref="TermCounter.Enumerate"/> and
/// each bucket is named by the n-gram that
/// occurs in it most often (ties: ordinal order). Only buckets that occur in the given texts are
/// ranked, so with the training texts every weighted feature can be named. Word n-grams are shown as
/// their tokens joined by spaces; character n-grams keep the space that pads each word (" cri"), and
/// only the heaviest character n-gram of each word is listed ("gime", "egim" and "regim" all say "regime").
/// </summary>
public static class TopNgrams
{
    public static IReadOnlyList<ClassNgrams> Compute(FeaturizerOptions options, LinearModel linear, IReadOnlyList<string> classes,
        IReadOnlyList<string> texts, int words = 12, int characters = 8)
    {
        if (linear.Dimension != options.Dimension) throw new ArgumentException("the head does not match the featurizer");
        // Pass 1: which buckets occur at all.
        var present = new bool[options.Dimension];
        var counter = new TermCounter(options);
        foreach (var t in texts) foreach (int c in counter.Count(t).Columns) present[c] = true;

        // Rank the present buckets of each block by their weight for each class.
        int K = linear.Classes, block = options.BlockSize;
        var top = new List<(int[] Words, int[] Characters)>();
        var wanted = new HashSet<int>();
        for (int k = 0; k < K; k++)
        {
            var w = Heaviest(linear, present, k, 0, block, words);
            var ch = Heaviest(linear, present, k, block, 2 * block, characters * 12);
            top.Add((w, ch));
            wanted.UnionWith(w);
            wanted.UnionWith(ch);
        }

        // Pass 2: the strings of the wanted buckets, with how often each occurs.
        var names = new Dictionary<int, Dictionary<string, int>>();
        var wordOf = new Dictionary<int, Dictionary<string, int>>();
        foreach (var t in texts) Enumerate(options, t, wanted, (bucket, gram, word) =>
        {
            Count(names, bucket, gram);
            if (bucket >= block) Count(wordOf, bucket, word);
        });

        WeightedNgram Name(int bucket, int k) => new(MostFrequent(names[bucket]), linear.Weights[(long)bucket * K + k], names[bucket].Count - 1,
            bucket >= block ? MostFrequent(wordOf[bucket]) : null);
        return Enumerable.Range(0, K).Select(k => new ClassNgrams(classes[k],
            top[k].Words.Select(b => Name(b, k)).ToList(),
            top[k].Characters.Select(b => Name(b, k)).DistinctBy(n => n.Word, StringComparer.Ordinal).Take(characters).ToList())).ToList();
    }

    private static void Count(Dictionary<int, Dictionary<string, int>> counts, int bucket, string key)
    {
        if (!counts.TryGetValue(bucket, out var seen)) counts[bucket] = seen = new Dictionary<string, int>(StringComparer.Ordinal);
        seen[key] = seen.GetValueOrDefault(key) + 1;
    }

    private static string MostFrequent(Dictionary<string, int> seen) =>
        seen.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).First().Key;

    private static int[] Heaviest(LinearModel linear, bool[] present, int k, int from, int to, int n)
    {
        int K = linear.Classes;
        // A bounded min-heap of the n heaviest positive weights (ties: lower bucket first).
        var heap = new PriorityQueue<int, (float, int)>(n + 1, Comparer<(float W, int B)>.Create((a, b) =>
            a.W != b.W ? a.W.CompareTo(b.W) : b.B.CompareTo(a.B)));
        for (int f = from; f < to; f++)
        {
            if (!present[f]) continue;
            float w = linear.Weights[(long)f * K + k];
            if (!(w > 0)) continue;
            heap.Enqueue(f, (w, f));
            if (heap.Count > n) heap.Dequeue();
        }
        var result = new List<(int Bucket, float Weight)>();
        while (heap.TryDequeue(out int f, out var p)) result.Add((f, p.Item1));
        result.Reverse();
        return result.Select(r => r.Bucket).ToArray();
    }

    /// <summary>Every n-gram of a text whose bucket is wanted (null: all), with its bucket — the buckets
    /// of <see cref="TermCounter.Count"/> — and the word it lies in (for word n-grams, the n-gram itself).</summary>
    public static void Enumerate(FeaturizerOptions options, string text, IReadOnlySet<int>? wanted, Action<int, string, string> found) =>
        new TermCounter(options).Enumerate(text, (bucket, gram, word) =>
        {
            if (wanted is null || wanted.Contains(bucket)) found(bucket, gram, word);
        });
}
