using Stance.Core.Common;
using Stance.Core.Modeling;
using Stance.Core.Input;
using Stance.Core.Evaluation;

namespace Stance.Core.Reports;

/// <summary>
/// Collects gold labels and predictions for every head whose label column the scored input carries:
/// evaluation on new data. A unit with an empty label is not counted (and the count is reported); a
/// label the model never saw in training is an input error naming file, line and column.
/// </summary>
public sealed class HeldOutEvaluation
{
    private readonly StanceModel _model;
    private readonly List<int>[] _actual, _predicted;
    private readonly List<double[]>[] _probabilities;
    private readonly int[] _unlabeled;
    private readonly List<string>[] _ids, _texts;
    private readonly bool _keepTexts;

    /// <param name="keepTexts">Also keep each labeled unit's id and text (for a report).</param>
    public HeldOutEvaluation(StanceModel model, bool keepTexts = false)
    {
        _model = model;
        _keepTexts = keepTexts;
        int n = model.Heads.Count;
        _actual = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        _predicted = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        _probabilities = Enumerable.Range(0, n).Select(_ => new List<double[]>()).ToArray();
        _unlabeled = new int[n];
        _ids = Enumerable.Range(0, n).Select(_ => new List<string>()).ToArray();
        _texts = Enumerable.Range(0, n).Select(_ => new List<string>()).ToArray();
    }

    public void Add(ScoringUnit unit, double[][] probabilities)
    {
        for (int h = 0; h < _model.Heads.Count; h++)
        {
            var head = _model.Heads[h];
            if (!unit.Columns.TryGetValue(head.Label, out var gold)) continue;
            gold = gold.Trim();
            if (gold.Length == 0) { _unlabeled[h]++; continue; }
            int c = head.Classes.ToList().IndexOf(gold);
            if (c < 0)
            {
                int column = unit.Columns.Keys.ToList().IndexOf(head.Label) + 1;
                throw InputException.At(unit.Source, unit.Line, column, head.Label,
                    $"label \"{gold}\" was never seen in training (the model knows: {string.Join(", ", head.Classes)})");
            }
            _actual[h].Add(c);
            _predicted[h].Add(head.Head.Decide(probabilities[h]));
            _probabilities[h].Add(probabilities[h]);
            if (_keepTexts) { _ids[h].Add(unit.Id); _texts[h].Add(unit.Text); }
        }
    }

    /// <summary>Metrics for each head that had at least one labeled unit, with the count of unlabeled units.</summary>
    public IEnumerable<(string Label, ClassificationMetrics Metrics, int Unlabeled)> Results()
    {
        for (int h = 0; h < _model.Heads.Count; h++)
            if (_actual[h].Count > 0)
                yield return (_model.Heads[h].Label, new ClassificationMetrics(_model.Heads[h].Classes, _actual[h], _predicted[h], _probabilities[h]), _unlabeled[h]);
    }

    /// <summary>The gold labels, predictions and probabilities of each head that had at least one labeled
    /// unit, aligned; ids and texts are empty unless the evaluation keeps texts.</summary>
    public IEnumerable<HeldOutHead> Heads()
    {
        for (int h = 0; h < _model.Heads.Count; h++)
            if (_actual[h].Count > 0)
                yield return new HeldOutHead(_model.Heads[h].Label, _model.Heads[h].Classes, _actual[h], _predicted[h], _probabilities[h],
                    _ids[h], _texts[h], _unlabeled[h]);
    }
}
