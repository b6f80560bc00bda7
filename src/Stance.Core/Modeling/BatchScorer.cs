using System.Collections.Concurrent;
using Stance.Core.Data;
using Stance.Core.Features;

namespace Stance.Core.Modeling;

/// <summary>
/// Scores a stream of units in batches and yields results in input order, as a pipeline: the caller's
/// thread reads batch k+1 (and writes the results it is given) while batches k, k−1, … are scored on
/// the thread pool, one batch per task, so reading, scoring and writing overlap on all cores. At most
/// <see cref="MaxBatchesInFlight"/> batches exist at once: memory is bounded by that, however long the
/// stream.
/// </summary>
public static class BatchScorer
{
    public const int MaxBatchesInFlight = 6;

    public static IEnumerable<(ScoringUnit Unit, double[][] Probabilities)> Score(StanceModel model, IEnumerable<ScoringUnit> units, int batchSize = 256)
    {
        _ = model.ScoringTable;   // build it once, before the tasks race for it
        var counters = new ConcurrentBag<TermCounter>();
        var pending = new Queue<Task<(ScoringUnit, double[][])[]>>();
        var batch = new List<ScoringUnit>(batchSize);
        foreach (var unit in units)
        {
            batch.Add(unit);
            if (batch.Count < batchSize) continue;
            pending.Enqueue(Start(model, batch, counters));
            batch = new List<ScoringUnit>(batchSize);
            if (pending.Count < MaxBatchesInFlight) continue;
            foreach (var r in pending.Dequeue().GetAwaiter().GetResult()) yield return r;
        }
        if (batch.Count > 0) pending.Enqueue(Start(model, batch, counters));
        while (pending.Count > 0)
            foreach (var r in pending.Dequeue().GetAwaiter().GetResult()) yield return r;
    }

    private static Task<(ScoringUnit, double[][])[]> Start(StanceModel model, List<ScoringUnit> batch, ConcurrentBag<TermCounter> counters) =>
        Task.Run(() =>
        {
            var counter = counters.TryTake(out var c) ? c : model.NewCounter();
            var results = new (ScoringUnit, double[][])[batch.Count];
            for (int i = 0; i < batch.Count; i++) results[i] = (batch[i], model.Predict(batch[i].Text, counter));
            counters.Add(counter);
            return results;
        });
}
