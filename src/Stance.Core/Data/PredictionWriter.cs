using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Stance.Core.Modeling;

namespace Stance.Core.Data;

public enum OutputFormat { Table, Csv, Jsonl }

/// <summary>
/// Writes one record per scored unit: id, source, text, the carried-through columns, then per head
/// predicted_&lt;label&gt; and p_&lt;label&gt;_&lt;class&gt; for every class. The same columns in every format.
/// </summary>
public abstract class PredictionWriter : IDisposable
{
    protected IReadOnlyList<string> Columns { get; }
    private readonly IReadOnlyList<string> _extra;
    private readonly StanceModel _model;

    protected PredictionWriter(StanceModel model, IReadOnlyList<string> extraColumns)
    {
        _model = model;
        _extra = extraColumns;
        var columns = new List<string> { "id", "source", "text" };
        // A carried column whose name the output already uses (an input "source" column) is renamed input_<name>.
        columns.AddRange(extraColumns.Select(c => columns.Contains(c) || c.StartsWith("predicted_") || c.StartsWith("p_") ? $"input_{c}" : c));
        foreach (var h in model.Heads)
        {
            columns.Add($"predicted_{h.Label}");
            columns.AddRange(h.Classes.Select(c => $"p_{h.Label}_{c}"));
        }
        Columns = columns;
    }

    public static PredictionWriter Create(OutputFormat format, TextWriter output, StanceModel model, IReadOnlyList<string> extraColumns) => format switch
    {
        OutputFormat.Csv => new CsvPredictionWriter(output, model, extraColumns),
        OutputFormat.Jsonl => new JsonlPredictionWriter(output, model, extraColumns),
        _ => new TablePredictionWriter(output, model, extraColumns),
    };

    public void Write(ScoringUnit unit, double[][] probabilities)
    {
        var values = new List<string> { unit.Id, unit.Source, unit.Text };
        foreach (var c in _extra) values.Add(unit.Columns.TryGetValue(c, out var v) ? v : "");
        for (int h = 0; h < _model.Heads.Count; h++)
        {
            var p = probabilities[h];
            values.Add(_model.Heads[h].Classes[Learning.Linear.LogisticRegressionTrainer.ArgMax(p)]);
            foreach (double v in p) values.Add(v.ToString("0.######", CultureInfo.InvariantCulture));
        }
        WriteRecord(values);
    }

    protected abstract void WriteRecord(IReadOnlyList<string> values);
    public virtual void Dispose() { }
}

internal sealed class CsvPredictionWriter : PredictionWriter
{
    private readonly CsvWriter _csv;

    public CsvPredictionWriter(TextWriter output, StanceModel model, IReadOnlyList<string> extra) : base(model, extra)
    {
        _csv = new CsvWriter(output, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var c in Columns) _csv.WriteField(c);
        _csv.NextRecord();
    }

    protected override void WriteRecord(IReadOnlyList<string> values)
    {
        foreach (var v in values) _csv.WriteField(v);
        _csv.NextRecord();
    }

    public override void Dispose() => _csv.Dispose();
}

internal sealed class JsonlPredictionWriter(TextWriter output, StanceModel model, IReadOnlyList<string> extra) : PredictionWriter(model, extra)
{
    private readonly MemoryStream _buffer = new();

    protected override void WriteRecord(IReadOnlyList<string> values)
    {
        _buffer.SetLength(0);
        using (var json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            for (int i = 0; i < Columns.Count; i++)
            {
                if (Columns[i].StartsWith("p_", StringComparison.Ordinal)) json.WriteNumber(Columns[i], double.Parse(values[i], CultureInfo.InvariantCulture));
                else json.WriteString(Columns[i], values[i]);
            }
            json.WriteEndObject();
        }
        output.Write(Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
        output.Write('\n');
    }
}

/// <summary>Readable on a terminal: id, each head's call with its probability, the start of the text.</summary>
internal sealed class TablePredictionWriter : PredictionWriter
{
    private readonly TextWriter _output;
    private readonly StanceModel _model;

    public TablePredictionWriter(TextWriter output, StanceModel model, IReadOnlyList<string> extra) : base(model, [])
    {
        _output = output;
        _model = model;
        var header = new StringBuilder($"{"id",-28}");
        foreach (var h in model.Heads) header.Append($"  {h.Label,-22}");
        _output.WriteLine(header.Append("  text"));
    }

    protected override void WriteRecord(IReadOnlyList<string> values)
    {
        var line = new StringBuilder($"{Clip(values[0], 28),-28}");
        int at = 3;
        foreach (var h in _model.Heads)
        {
            string predicted = values[at];
            double p = double.Parse(values[at + 1 + h.Classes.ToList().IndexOf(predicted)], CultureInfo.InvariantCulture);
            line.Append($"  {Clip(predicted, 15),-15} {p,6:0.000}");
            at += 1 + h.Classes.Count;
        }
        _output.WriteLine(line.Append("  ").Append(Clip(values[2].ReplaceLineEndings(" "), 70)));
    }

    private static string Clip(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
