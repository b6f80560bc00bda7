using Stance.Core.Common;
using System.Collections.Concurrent;
using Stance.Core.Features;
using Stance.Core.Text;
using Stance.Core.Input;
using Stance.Core.Modeling;

namespace Stance.Core.Scoring;

/// <summary>
/// Scores a stream of units in batches and yields one <see cref="ScoredUnit"/> per input unit in input
/// order, as a pipeline: the caller's thread reads batch k+1 (and writes the results it is given) while
/// batches k, k−1, … are scored on the thread pool, one batch per task, so reading, scoring and writing
/// overlap on all cores. At most <see cref="MaxBatchesInFlight"/> batches exist at once: memory is
/// bounded by that, however long the stream. Units with an empty text pass through with status "empty text";
/// with <c>language</c> set, units detected (<see cref="LanguageDetector"/>) in another language pass through
/// unscored with status "language: xx".
/// </summary>
public static class BatchScorer
{
    public const int MaxBatchesInFlight = 6;

    /// <param name="language">The only language scored (e.g. "en"); null scores every unit whatever its language.</param>
    /// <param name="stream">
    /// Input that may arrive slowly (a pipe): a reader thread takes the units as they come, a batch is what has
    /// arrived (up to <paramref name="batchSize"/>), and a batch's results are handed on as soon as it is scored
    /// and nothing newer waits, so a unit written to the pipe comes out without waiting for 255 more.
    /// </param>
    public static IEnumerable<ScoredUnit> Score(StanceModel model, IEnumerable<ScoringUnit> units, int explain = 0, int batchSize = 256,
        string? language = LanguageDetector.English, bool stream = false)
    {
        model.Prepare();   // build the scoring layout once, before the tasks race for it
        return stream ? Streamed(model, units, explain, batchSize, language) : Batched(model, units, explain, batchSize, language);
    }

    private static IEnumerable<ScoredUnit> Streamed(StanceModel model, IEnumerable<ScoringUnit> units, int explain, int batchSize, string? language)
    {
        var counters = new ConcurrentBag<TermCounter>();
        var pending = new Queue<Task<ScoredUnit[]>>();
        using var arrived = new BlockingCollection<ScoringUnit>(batchSize * MaxBatchesInFlight);
        Exception? failure = null;
        var reader = Task.Run(() =>
        {
            try { foreach (var unit in units) arrived.Add(unit); }
            catch (InputException e) { failure = e; }
            finally { arrived.CompleteAdding(); }
        });
        while (true)
        {
            // Wait for input only when no scored batch is waiting to go out.
            if (!arrived.TryTake(out var first, pending.Count > 0 ? 0 : Timeout.Infinite))
            {
                if (pending.Count > 0) { foreach (var r in pending.Dequeue().GetAwaiter().GetResult()) yield return r; continue; }
                if (arrived.IsCompleted) break;
                continue;
            }
            var batch = new List<ScoringUnit>(batchSize) { first };
            while (batch.Count < batchSize && arrived.TryTake(out var more)) batch.Add(more);
            pending.Enqueue(Start(model, batch, counters, explain, language));
            while (pending.Count > 0 && (pending.Peek().IsCompleted || pending.Count >= MaxBatchesInFlight))
                foreach (var r in pending.Dequeue().GetAwaiter().GetResult()) yield return r;
        }
        while (pending.Count > 0)
            foreach (var r in pending.Dequeue().GetAwaiter().GetResult()) yield return r;
        reader.GetAwaiter().GetResult();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private static IEnumerable<ScoredUnit> Batched(StanceModel model, IEnumerable<ScoringUnit> units, int explain, int batchSize, string? language)
    {
        var counters = new ConcurrentBag<TermCounter>();
        var pending = new Queue<Task<ScoredUnit[]>>();
        var batch = new List<ScoringUnit>(batchSize);
        using var source = units.GetEnumerator();
        Exception? failure = null;
        while (Next(source, ref failure) is { } unit)
        {
            batch.Add(unit);
            if (batch.Count < batchSize) continue;
            pending.Enqueue(Start(model, batch, counters, explain, language));
            batch = new List<ScoringUnit>(batchSize);
            if (pending.Count < MaxBatchesInFlight) continue;
            foreach (var r in pending.Dequeue().GetAwaiter().GetResult()) yield return r;
        }
        if (batch.Count > 0) pending.Enqueue(Start(model, batch, counters, explain, language));
        while (pending.Count > 0)
            foreach (var r in pending.Dequeue().GetAwaiter().GetResult()) yield return r;
        // Bad input met while reading: the units read before it are scored and handed on first, then the error.
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>The next unit, or null at the end of the input or at bad input (kept in <paramref name="failure"/>).</summary>
    private static ScoringUnit? Next(IEnumerator<ScoringUnit> source, ref Exception? failure)
    {
        try { return source.MoveNext() ? source.Current : null; }
        catch (InputException e) { failure = e; return null; }
    }

    private static Task<ScoredUnit[]> Start(StanceModel model, List<ScoringUnit> batch, ConcurrentBag<TermCounter> counters, int explain, string? language) =>
        Task.Run(() =>
        {
            var counter = counters.TryTake(out var c) ? c : model.NewCounter();
            var results = new ScoredUnit[batch.Count];
            for (int i = 0; i < batch.Count; i++)
            {
                var unit = batch[i];
                if (string.IsNullOrWhiteSpace(unit.Text)) results[i] = new ScoredUnit(unit, "empty text", null, null);
                else if (language is not null && LanguageDetector.Detect(unit.Text) is var found && found != language)
                    results[i] = new ScoredUnit(unit, $"language: {found}", null, null);
            }
            // Only the units to score are encoded.
            var encoded = model.UsesEncoder ? TextEncoder.Shared.Encode(batch.Select((u, i) => results[i] is null ? u.Text : "").ToArray()) : null;
            for (int i = 0; i < batch.Count; i++)
            {
                var unit = batch[i];
                if (results[i] is not null) continue;
                var vector = encoded?[i];
                var p = model.Predict(unit.Text, counter, vector);
                results[i] = new ScoredUnit(unit, Status(model, unit.Text), p, explain > 0 ? Explainer.ExplainAll(model, unit.Text, p, counter, explain, vector) : null,
                    explain > 0 && vector is not null ? model.Examples?.Nearest(vector, Explainer.Neighbors) : null);
            }
            counters.Add(counter);
            return results;
        });

    /// <summary>"ok", or for an encoder model and a text longer than the encoder reads, "ok" with how much it read.</summary>
    private static string Status(StanceModel model, string text) =>
        model.UsesEncoder && text.Length > TextEncoder.ReadChars
            ? $"ok; the encoder read the first {TextEncoder.ReadChars:N0} of {text.Length:N0} characters (n-grams read all)"
            : "ok";
}
