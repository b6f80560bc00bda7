using System.Globalization;
using CsvHelper;
using Stance.Core.Modeling;
using Stance.Core.Scoring;

namespace Stance.Core.Output;

/// <summary>
/// CSV output. Article records share the unit columns (predicted_/p_ hold the body's verdict and mean
/// probabilities) and fill the article-only columns: units per part, shares, the comments' verdict and
/// the two units weighing most toward each verdict.
/// </summary>
internal sealed class CsvPredictionWriter : PredictionWriter
{
    private readonly CsvWriter _csv;
    private readonly TextWriter _output;

    public CsvPredictionWriter(TextWriter output, StanceModel model, IReadOnlyList<string> extra, bool explain) : base(model, extra, explain)
    {
        _output = output;
        _csv = new CsvWriter(output, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        var header = new List<string> { "id", "source", "unit", "kind", "text", "status" };
        header.AddRange(extra.Select(CarriedName));
        foreach (var h in model.Heads)
        {
            header.Add($"predicted_{h.Label}");
            header.AddRange(h.Classes.Select(c => $"p_{h.Label}_{c}"));
            if (explain) header.Add($"explain_{h.Label}");
        }
        if (ShowsNeighbors) header.Add("similar_examples");
        header.Add("body_units");
        header.Add("comment_units");
        foreach (var h in model.Heads)
        {
            header.AddRange(h.Classes.Select(c => $"share_{h.Label}_{c}"));
            header.Add($"top_{h.Label}");
            header.Add($"comments_predicted_{h.Label}");
            header.AddRange(h.Classes.Select(c => $"comments_p_{h.Label}_{c}"));
            header.AddRange(h.Classes.Select(c => $"comments_share_{h.Label}_{c}"));
            header.Add($"comments_top_{h.Label}");
        }
        _header = header;
    }

    private List<string>? _header;

    /// <summary>The header goes out with the first record (or at <see cref="Finish"/>), so a run that fails before any record leaves no partial output.</summary>
    private void Header()
    {
        if (_header is null) return;
        Row(_header);
        _header = null;
    }

    public override void Finish() => Header();

    public override void WriteUnit(ScoredUnit s)
    {
        Header();
        var u = s.Unit;
        var row = new List<string> { u.Id, u.Source, u.Index.ToString(CultureInfo.InvariantCulture), u.Kind, u.Text, s.Status };
        foreach (var c in Extra) row.Add(u.Columns.TryGetValue(c, out var v) ? v : "");
        for (int h = 0; h < Model.Heads.Count; h++)
        {
            var p = s.Probabilities?[h];
            row.Add(p is null ? "" : Predicted(h, p));
            row.AddRange(p is null ? Model.Heads[h].Classes.Select(_ => "") : p.Select(Number));
            if (Explain) row.Add(s.Explanations is null ? "" : Explanation(s.Explanations[h]));
        }
        if (ShowsNeighbors) row.Add(Neighbors(s.Neighbors));
        row.Add("");
        row.Add("");
        foreach (var h in Model.Heads) row.AddRange(Enumerable.Repeat("", 3 + 3 * h.Classes.Count));
        Row(row);
    }

    public override void WriteArticle(ArticleSummary a)
    {
        Header();
        var row = new List<string> { Path.GetFileName(a.Source), a.Source, "", "article", "", "ok" };
        row.AddRange(Extra.Select(_ => ""));
        for (int h = 0; h < Model.Heads.Count; h++)
        {
            var v = a.Body.Heads.Count > 0 ? a.Body.Heads[h] : null;
            row.Add(v?.Verdict ?? "");
            row.AddRange(v is null ? Model.Heads[h].Classes.Select(_ => "") : v.MeanProbabilities.Select(Number));
            if (Explain) row.Add("");
        }
        if (ShowsNeighbors) row.Add("");
        row.Add(a.Body.Units.ToString(CultureInfo.InvariantCulture));
        row.Add(a.Comments.Units.ToString(CultureInfo.InvariantCulture));
        for (int h = 0; h < Model.Heads.Count; h++)
        {
            int K = Model.Heads[h].Classes.Count;
            var body = a.Body.Heads.Count > 0 ? a.Body.Heads[h] : null;
            var comments = a.Comments.Heads.Count > 0 ? a.Comments.Heads[h] : null;
            row.AddRange(body is null ? Enumerable.Repeat("", K) : body.Shares.Select(Number));
            row.Add(body is null ? "" : string.Join(" ", body.TopUnits));
            row.Add(comments?.Verdict ?? "");
            row.AddRange(comments is null ? Enumerable.Repeat("", K) : comments.MeanProbabilities.Select(Number));
            row.AddRange(comments is null ? Enumerable.Repeat("", K) : comments.Shares.Select(Number));
            row.Add(comments is null ? "" : string.Join(" ", comments.TopUnits));
        }
        Row(row);
    }

    private void Row(IEnumerable<string> fields)
    {
        foreach (var f in fields) _csv.WriteField(f);
        _csv.NextRecord();
    }

    public override void Flush()
    {
        _csv.Flush();
        _output.Flush();
    }

    public override void Dispose() => _csv.Dispose();
}
