using Stance.Core.Modeling;

namespace Stance.Core.Scoring;

/// <summary>
/// The article record: stance and sentiment of the body (headline and paragraphs) and, separately, of
/// the reader comments. Captions, bylines and unscored units are reported as units but not counted here.
/// </summary>
public sealed record ArticleSummary(string Source, PartSummary Body, PartSummary Comments)
{
    public static ArticleSummary Of(StanceModel model, string source, IReadOnlyList<ScoredUnit> units) => new(source,
        Part(model, units.Where(u => u.IsScored && u.Unit.Kind is "headline" or "paragraph").ToList()),
        Part(model, units.Where(u => u.IsScored && u.Unit.Kind == "comment").ToList()));

    private static PartSummary Part(StanceModel model, List<ScoredUnit> units)
    {
        if (units.Count == 0) return new PartSummary(0, []);
        var heads = new List<HeadVerdict>();
        for (int h = 0; h < model.Heads.Count; h++)
        {
            var head = model.Heads[h];
            int K = head.Classes.Count;
            var mean = new double[K];
            var shares = new double[K];
            foreach (var u in units)
            {
                var p = u.Probabilities![h];
                for (int k = 0; k < K; k++) mean[k] += p[k] / units.Count;
                shares[head.Head.Decide(p)] += 1.0 / units.Count;
            }
            int verdict = head.Head.Decide(mean);
            var top = units.OrderByDescending(u => u.Probabilities![h][verdict]).Take(2).Select(u => u.Unit.Id).ToList();
            heads.Add(new HeadVerdict(head.Label, head.Classes, head.Classes[verdict], mean, shares, top));
        }
        return new PartSummary(units.Count, heads);
    }
}
