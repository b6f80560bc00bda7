using Stance.Core.Evaluation;
using Stance.Core.Modeling;
using Stance.Core.Input;
using Stance.Core.Reports;
using Stance.Core.Scoring;

namespace Stance.Core.Output;

/// <summary>
/// Drives one scoring pass: every unit in input order to the writer, an article record after the last
/// unit of each article, labeled units to the held-out evaluation, and counts of scored and unscored units.
/// Only one article's units are held at a time (for its summary), so memory stays flat. Every scored
/// unit is also handed to <paramref name="onScored"/> when given (report and uncertainty sampling), and
/// <paramref name="progress"/> hears the number of units written so far after each one. In
/// <paramref name="stream"/> mode (input from a pipe) units are scored as they arrive and every record is
/// flushed as it is written.
/// </summary>
public sealed class ScoreRun(StanceModel model, PredictionWriter writer, HeldOutEvaluation evaluation, int explain,
    Action<ScoringUnit, double[][]>? onScored = null, Action<int>? progress = null, string? language = Text.LanguageDetector.English, bool stream = false)
{
    private readonly SortedDictionary<string, int> _notScored = new(StringComparer.Ordinal);

    public int Scored { get; private set; }
    public int NotScored { get; private set; }
    /// <summary>The units not scored, counted by reason ("empty text", "language: es", …).</summary>
    public IReadOnlyDictionary<string, int> NotScoredBy => _notScored;

    public void Run(IEnumerable<ScoringUnit> units)
    {
        var article = new List<ScoredUnit>();
        foreach (var s in BatchScorer.Score(model, units, explain, language: language, stream: stream))
        {
            if (article.Count > 0 && article[0].Unit.Source != s.Unit.Source) EndArticle(article);
            writer.WriteUnit(s);
            if (stream) writer.Flush();
            if (s.IsScored)
            {
                Scored++;
                evaluation.Add(s.Unit, s.Probabilities!);
                onScored?.Invoke(s.Unit, s.Probabilities!);
            }
            else
            {
                NotScored++;
                _notScored[s.Status] = _notScored.GetValueOrDefault(s.Status) + 1;
            }
            progress?.Invoke(Scored + NotScored);
            if (s.Unit.FromArticle) article.Add(s);
        }
        if (article.Count > 0) EndArticle(article);
    }

    private void EndArticle(List<ScoredUnit> article)
    {
        writer.WriteArticle(ArticleSummary.Of(model, article[0].Unit.Source, article));
        if (stream) writer.Flush();
        article.Clear();
    }
}
