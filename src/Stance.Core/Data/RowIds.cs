namespace Stance.Core.Data;

/// <summary>The id column of a labeled CSV, read again for the rows Train kept (matched by line).</summary>
public static class RowIds
{
    /// <summary>The id of every row of the data, in row order; null when the file has no id column.</summary>
    public static IReadOnlyList<string>? Read(LabeledData data)
    {
        using var csv = CsvSource.Open(data.Source, data.Spec.Delimiter);
        int idAt = csv.ColumnIndex("id");
        if (idAt < 0) return null;
        var byLine = new Dictionary<long, string>();
        foreach (var r in csv.Records()) byLine[r.Line] = r.Fields[idAt];
        return data.Lines.Select(l => byLine.GetValueOrDefault(l, "")).ToArray();
    }
}
