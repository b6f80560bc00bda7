namespace Stance.Core.Common;

/// <summary>The id column of a labeled CSV, read again for the rows Train kept (matched by line).</summary>
public static class RowIds
{
    /// <summary>The id of every row of the data, in row order; null when the file has no id column.</summary>
    public static IReadOnlyList<string>? Read(LabeledData data)
    {
        var byFileLine = new Dictionary<(string, long), string>();
        foreach (var file in data.Files)
        {
            using var csv = CsvSource.Open(file, data.Spec.Delimiter);
            int idAt = csv.ColumnIndex("id");
            if (idAt < 0) return null;
            foreach (var r in csv.Records()) byFileLine[(file, r.Line)] = r.Fields[idAt];
        }
        return data.Lines.Select((l, row) => byFileLine.GetValueOrDefault((data.SourceOf(row), l), "")).ToArray();
    }
}
