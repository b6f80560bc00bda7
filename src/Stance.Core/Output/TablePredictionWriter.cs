using System.Text;
using Stance.Core.Modeling;
using Stance.Core.Scoring;

namespace Stance.Core.Output;

/// <summary>
/// Readable on a terminal: for an article, its verdict first (body, then comments), then its units;
/// each unit with its kind, each head's call and probability, the start of the text, and the
/// explanation when asked. An article's units are held until its verdict is known; CSV rows stream.
/// </summary>
internal sealed class TablePredictionWriter : PredictionWriter
{
    private readonly TextWriter _output;
    private readonly List<ScoredUnit> _article = new();
    private bool _headerWritten;

    public TablePredictionWriter(TextWriter output, StanceModel model, bool explain) : base(model, [], explain) { _output = output; }

    public override void Flush() => _output.Flush();

    public override void WriteUnit(ScoredUnit unit)
    {
        if (unit.Unit.FromArticle) _article.Add(unit);
        else Write(unit);
    }

    public override void WriteArticle(ArticleSummary a)
    {
        _output.WriteLine();
        _output.WriteLine($"== {a.Source}");
        Verdict("body", a.Body);
        Verdict("comments", a.Comments);
        _headerWritten = false;
        foreach (var u in _article) Write(u);
        _article.Clear();
    }

    private void Verdict(string part, PartSummary summary)
    {
        if (summary.Units == 0) { _output.WriteLine($"   {part}: no units"); return; }
        foreach (var v in summary.Heads)
        {
            int k = v.Classes.ToList().IndexOf(v.Verdict);
            var shares = string.Join(" · ", v.Classes.Select((c, i) => $"{c} {v.Shares[i] * 100:0}%"));
            var top = string.Join(", ", v.TopUnits.Select(id => id[(id.LastIndexOf(':') + 1)..]));
            _output.WriteLine($"   {part + " (" + summary.Units + " units)",-20} {v.Label,-10} {v.Verdict,-15} {v.MeanProbabilities[k]:0.00}  [{shares}]  top units: {top}");
        }
    }

    private void Write(ScoredUnit s)
    {
        if (!_headerWritten)
        {
            var header = new StringBuilder($"{"id",-28} {"kind",-9}");
            foreach (var h in Model.Heads) header.Append($"  {h.Label,-22}");
            _output.WriteLine(header.Append("  text"));
            _headerWritten = true;
        }
        var line = new StringBuilder($"{Clip(s.Unit.Id, 28),-28} {Clip(s.Unit.Kind, 9),-9}");
        for (int h = 0; h < Model.Heads.Count; h++)
        {
            if (s.Probabilities?[h] is not { } p) { line.Append($"  {("(" + s.Status + ")"),-22}"); continue; }
            int k = Model.Heads[h].Head.Decide(p);
            line.Append($"  {Clip(Model.Heads[h].Classes[k], 15),-15} {p[k],6:0.000}");
        }
        _output.WriteLine(line.Append("  ").Append(Clip(s.Unit.Text.ReplaceLineEndings(" "), 70)).ToString());
        if (s.Explanations is { } e)
            for (int h = 0; h < Model.Heads.Count; h++)
                _output.WriteLine($"{"",38}{Model.Heads[h].Label} ← {Explanation(e[h])}");
        if (ShowsNeighbors && s.Neighbors is { Count: > 0 } n)
            _output.WriteLine($"{"",38}looks like ← {Neighbors(n)}");
    }

    private static string Clip(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
