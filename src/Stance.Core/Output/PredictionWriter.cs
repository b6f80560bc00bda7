using System.Globalization;
using Stance.Core.Modeling;
using Stance.Core.Scoring;

namespace Stance.Core.Output;

/// <summary>
/// Writes Score's records: one per unit (id, source, unit, kind, text, status, carried columns, then per
/// head predicted_&lt;label&gt; and p_&lt;label&gt;_&lt;class&gt;, and explain_&lt;label&gt; with --explain, plus
/// similar_examples for an encoder model)
/// and, after an article's units, one record of kind "article" with the verdicts of its body and of its
/// comments. The same fields in every format.
/// </summary>
public abstract class PredictionWriter : IDisposable
{
    protected StanceModel Model { get; }
    protected IReadOnlyList<string> Extra { get; }
    protected bool Explain { get; }
    /// <summary>Whether units carry their nearest labeled training units (--explain with an encoder model).</summary>
    protected bool ShowsNeighbors => Explain && Model.Examples is not null;

    protected PredictionWriter(StanceModel model, IReadOnlyList<string> extraColumns, bool explain)
    {
        Model = model; Extra = extraColumns; Explain = explain;
    }

    public static PredictionWriter Create(OutputFormat format, TextWriter output, StanceModel model, IReadOnlyList<string> extraColumns, bool explain) => format switch
    {
        OutputFormat.Csv => new CsvPredictionWriter(output, model, extraColumns, explain),
        OutputFormat.Jsonl => new JsonlPredictionWriter(output, model, extraColumns, explain),
        _ => new TablePredictionWriter(output, model, explain),
    };

    public abstract void WriteUnit(ScoredUnit unit);
    public abstract void WriteArticle(ArticleSummary article);
    /// <summary>Called once when every record is written (a CSV with no record still gets its header).</summary>
    public virtual void Finish() { }

    /// <summary>Pushes what was written so far to the output (stream mode flushes after every record).</summary>
    public abstract void Flush();
    public virtual void Dispose() { }

    /// <summary>A carried column whose name the output already uses (e.g. an input "source") becomes input_&lt;name&gt;.</summary>
    protected static string CarriedName(string column) =>
        column is "id" or "source" or "unit" or "kind" or "text" or "status" || column.StartsWith("predicted_") || column.StartsWith("p_")
            || column.StartsWith("explain_") || column.StartsWith("comments_") || column.StartsWith("share_") || column.StartsWith("top_")
            ? $"input_{column}" : column;

    protected static string Number(double v) => v.ToString("0.######", CultureInfo.InvariantCulture);

    protected string Predicted(int head, double[] p) => Model.Heads[head].Classes[Model.Heads[head].Head.Decide(p)];

    /// <summary>"0.83 critical/negative “text”; …": cosine, the example's labels (one per head), its text.</summary>
    protected static string Neighbors(IReadOnlyList<Neighbor>? neighbors) => neighbors is null ? "" :
        string.Join("; ", neighbors.Select(n => $"{n.Cosine.ToString("0.00", CultureInfo.InvariantCulture)} {string.Join("/", n.Labels)} “{n.Text}”"));

    protected static string Explanation(IReadOnlyList<Contribution> contributions) =>
        string.Join("; ", contributions.Select(c => $"{c.Ngram}={c.Weight.ToString("0.###", CultureInfo.InvariantCulture)}"));
}
