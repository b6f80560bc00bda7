using System.Globalization;
using Spectre.Console;
using Stance.Core.Evaluation;

namespace Stance.Cli;

/// <summary>
/// The per-class report and the confusion matrix as the front-ends print them: Spectre tables on a
/// terminal, the engine's plain aligned text otherwise (logs, CI and scripts read that form).
/// </summary>
public static class MetricsPrinter
{
    /// <summary>Whether <paramref name="writer"/> is the console's stdout or stderr and that stream is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) ? !Console.IsOutputRedirected : ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected;

    public static void WriteReport(TextWriter writer, ClassificationMetrics metrics)
    {
        if (!IsTerminal(writer)) { writer.Write(metrics.ToText()); return; }
        var table = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn(Right("precision")).AddColumn(Right("recall")).AddColumn(Right("f1-score")).AddColumn(Right("support"));
        foreach (var c in metrics.PerClass) table.AddRow(Markup.Escape(c.Class), F(c.Precision), F(c.Recall), F(c.F1), N(c.Support));
        table.AddEmptyRow();
        table.AddRow("accuracy", "", "", F(metrics.Accuracy), N(metrics.Count));
        table.AddRow("[bold]macro avg[/]", F(metrics.MacroPrecision), F(metrics.MacroRecall), $"[bold]{F(metrics.MacroF1)}[/]", N(metrics.Count));
        table.AddRow("weighted avg", "", "", F(metrics.WeightedF1), N(metrics.Count));
        if (metrics.LogLoss is double logLoss) table.AddRow("log-loss", F(logLoss), "", "", "");
        Render(writer, table);
    }

    public static void WriteConfusion(TextWriter writer, ConfusionMatrix confusion)
    {
        if (!IsTerminal(writer)) { writer.Write(confusion.ToText()); return; }
        int n = confusion.Classes.Count;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("actual \\ predicted");
        foreach (var c in confusion.Classes) table.AddColumn(Right(Markup.Escape(c)));
        table.AddColumn(Right("total"));
        for (int a = 0; a < n; a++)
        {
            var cells = new List<string> { Markup.Escape(confusion.Classes[a]) };
            for (int p = 0; p < n; p++) cells.Add(a == p ? $"[green]{N(confusion.Counts[a, p])}[/]" : N(confusion.Counts[a, p]));
            cells.Add(N(confusion.RowTotal(a)));
            table.AddRow(cells.ToArray());
        }
        table.AddRow([.. new[] { "total" }, .. Enumerable.Range(0, n).Select(p => N(confusion.ColumnTotal(p))), N(confusion.Total)]);
        Render(writer, table);
    }

    private static TableColumn Right(string header) => new TableColumn(header).RightAligned();
    private static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    private static void Render(TextWriter writer, Table table) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) }).Write(table);
}
