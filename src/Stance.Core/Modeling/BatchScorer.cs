using Stance.Core.Data;

namespace Stance.Core.Modeling;

/// <summary>
/// Scores a stream of units in batches, featurizing and predicting each batch on all cores, and yields
/// results in input order; memory is bounded by one batch, however long the stream.
/// </summary>
public static class BatchScorer
{
    public static IEnumerable<(ScoringUnit Unit, double[][] Probabilities)> Score(StanceModel model, IEnumerable<ScoringUnit> units, int batchSize = 512)
    {
        var batch = new List<ScoringUnit>(batchSize);
        foreach (var unit in units)
        {
            batch.Add(unit);
            if (batch.Count < batchSize) continue;
            foreach (var r in ScoreBatch(model, batch)) yield return r;
            batch.Clear();
        }
        foreach (var r in ScoreBatch(model, batch)) yield return r;
    }

    private static (ScoringUnit, double[][])[] ScoreBatch(StanceModel model, List<ScoringUnit> batch)
    {
        var results = new (ScoringUnit, double[][])[batch.Count];
        Parallel.For(0, batch.Count, () => model.NewCounter(), (i, _, counter) =>
        {
            results[i] = (batch[i], model.Predict(batch[i].Text, counter));
            return counter;
        }, _ => { });
        return results;
    }
}
