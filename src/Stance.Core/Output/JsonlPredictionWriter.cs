using System.Text.Json;
using Stance.Core.Modeling;
using Stance.Core.Scoring;

namespace Stance.Core.Output;

/// <summary>JSON Lines output: flat unit objects; article objects with nested "body" and "comments" parts.</summary>
internal sealed class JsonlPredictionWriter(TextWriter output, StanceModel model, IReadOnlyList<string> extra, bool explain)
    : PredictionWriter(model, extra, explain)
{
    private readonly MemoryStream _buffer = new();
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void WriteUnit(ScoredUnit s) => Line(json =>
    {
        var u = s.Unit;
        json.WriteString("id", u.Id);
        json.WriteString("source", u.Source);
        json.WriteNumber("unit", u.Index);
        json.WriteString("kind", u.Kind);
        json.WriteString("text", u.Text);
        json.WriteString("status", s.Status);
        foreach (var c in Extra) if (u.Columns.TryGetValue(c, out var v)) json.WriteString(CarriedName(c), v);
        for (int h = 0; h < Model.Heads.Count; h++)
        {
            var head = Model.Heads[h];
            if (s.Probabilities?[h] is not { } p) continue;
            json.WriteString($"predicted_{head.Label}", Predicted(h, p));
            for (int k = 0; k < p.Length; k++) json.WriteNumber($"p_{head.Label}_{head.Classes[k]}", Math.Round(p[k], 6));
            if (s.Explanations is { } e)
            {
                json.WriteStartArray($"explain_{head.Label}");
                foreach (var c in e[h])
                {
                    json.WriteStartObject();
                    json.WriteString("ngram", c.Ngram);
                    json.WriteNumber("weight", Math.Round(c.Weight, 4));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
        }
        if (ShowsNeighbors && s.Neighbors is { } neighbors)
        {
            json.WriteStartArray("similar_examples");
            foreach (var n in neighbors)
            {
                json.WriteStartObject();
                json.WriteNumber("cosine", n.Cosine);
                for (int h = 0; h < Model.Heads.Count; h++) json.WriteString(Model.Heads[h].Label, n.Labels[h]);
                json.WriteString("text", n.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
    });

    public override void WriteArticle(ArticleSummary a) => Line(json =>
    {
        json.WriteString("id", Path.GetFileName(a.Source));
        json.WriteString("source", a.Source);
        json.WriteString("kind", "article");
        Part(json, "body", a.Body);
        Part(json, "comments", a.Comments);
    });

    private static void Part(Utf8JsonWriter json, string name, PartSummary part)
    {
        json.WriteStartObject(name);
        json.WriteNumber("units", part.Units);
        foreach (var v in part.Heads)
        {
            json.WriteStartObject(v.Label);
            json.WriteString("verdict", v.Verdict);
            json.WriteStartObject("probabilities");
            for (int k = 0; k < v.Classes.Count; k++) json.WriteNumber(v.Classes[k], Math.Round(v.MeanProbabilities[k], 6));
            json.WriteEndObject();
            json.WriteStartObject("shares");
            for (int k = 0; k < v.Classes.Count; k++) json.WriteNumber(v.Classes[k], Math.Round(v.Shares[k], 6));
            json.WriteEndObject();
            json.WriteStartArray("top_units");
            foreach (var id in v.TopUnits) json.WriteStringValue(id);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    public override void Flush() => output.Flush();

    private void Line(Action<Utf8JsonWriter> body)
    {
        _buffer.SetLength(0);
        using (var json = new Utf8JsonWriter(_buffer, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        output.Write('\n');
    }
}
