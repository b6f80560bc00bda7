using Stance.Core.Data;
using Stance.Core.Scoring;

namespace Stance.Core.Modeling;

/// <summary>
/// Scores a stream of units in batches, featurizing and predicting each batch on all cores, and yields
/// one <see cref="ScoredUnit"/> per input unit in input order; memory is bounded by one batch, however
/// long the stream. Units with an empty text are passed through with status "empty text".
/// </summary>
public static class BatchScorer
{
    public static IEnumerable<ScoredUnit> Score(StanceModel model, IEnumerable<ScoringUnit> units, int explain = 0, int batchSize = 512)
    {
        var batch = new List<ScoringUnit>(batchSize);
        foreach (var unit in units)
        {
            batch.Add(unit);
            if (batch.Count < batchSize) continue;
            foreach (var r in ScoreBatch(model, batch, explain)) yield return r;
            batch.Clear();
        }
        foreach (var r in ScoreBatch(model, batch, explain)) yield return r;
    }

    private static ScoredUnit[] ScoreBatch(StanceModel model, List<ScoringUnit> batch, int explain)
    {
        var results = new ScoredUnit[batch.Count];
        Parallel.For(0, batch.Count, () => model.NewCounter(), (i, _, counter) =>
        {
            var unit = batch[i];
            if (string.IsNullOrWhiteSpace(unit.Text))
            {
                results[i] = new ScoredUnit(unit, "empty text", null, null);
                return counter;
            }
            var p = model.Predict(unit.Text, counter);
            results[i] = new ScoredUnit(unit, "ok", p, explain > 0 ? Explainer.ExplainAll(model, unit.Text, p, counter, explain) : null);
            return counter;
        }, _ => { });
        return results;
    }
}
