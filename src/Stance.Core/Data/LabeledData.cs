namespace Stance.Core.Data;

/// <summary>
/// Training rows read from a CSV: the text column and one or more label columns. Every row is kept or
/// the load fails with the row's line: an empty text or label is an error (or, for text, skipped and
/// counted when the caller allows it).
/// </summary>
public sealed class LabeledData
{
    public string Source { get; }
    public string TextColumn { get; }
    public IReadOnlyList<string> Texts { get; }
    public IReadOnlyList<string> LabelColumns { get; }
    /// <summary>Labels[head][row].</summary>
    public IReadOnlyList<string[]> Labels { get; }
    public IReadOnlyList<long> Lines { get; }
    public int SkippedEmpty { get; }

    private LabeledData(string source, string textColumn, List<string> texts, IReadOnlyList<string> labelColumns, List<string>[] labels, List<long> lines, int skipped)
    {
        Source = source; TextColumn = textColumn; Texts = texts; LabelColumns = labelColumns;
        Labels = labels.Select(l => l.ToArray()).ToArray();
        Lines = lines; SkippedEmpty = skipped;
    }

    public int Count => Texts.Count;

    public static LabeledData Load(string path, string textColumn, IReadOnlyList<string> labelColumns, char delimiter = ',', bool skipEmpty = false)
    {
        using var csv = CsvSource.Open(path, delimiter);
        int textAt = csv.RequireColumn(textColumn);
        var labelAt = labelColumns.Select(csv.RequireColumn).ToArray();
        var texts = new List<string>();
        var lines = new List<long>();
        var labels = labelColumns.Select(_ => new List<string>()).ToArray();
        int skipped = 0;
        foreach (var record in csv.Records())
        {
            string text = record.Fields[textAt];
            if (string.IsNullOrWhiteSpace(text))
            {
                if (skipEmpty) { skipped++; continue; }
                throw InputException.At(path, record.Line, textAt + 1, textColumn, "empty text (remove the row, or pass --skip-empty to skip such rows)");
            }
            for (int h = 0; h < labelAt.Length; h++)
            {
                string label = record.Fields[labelAt[h]].Trim();
                if (label.Length == 0)
                    throw InputException.At(path, record.Line, labelAt[h] + 1, labelColumns[h], "empty label: every training row needs a value here");
                labels[h].Add(label);
            }
            texts.Add(text);
            lines.Add(record.Line);
        }
        if (texts.Count == 0)
            throw InputException.At(path, 2, null, null, skipped > 0 ? $"every row has an empty text ({skipped} skipped)" : "no data rows after the header");
        return new LabeledData(path, textColumn, texts, labelColumns, labels, lines, skipped);
    }
}
