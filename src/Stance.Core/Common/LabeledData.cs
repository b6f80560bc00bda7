namespace Stance.Core.Common;

/// <summary>
/// Training rows read from a CSV: the text column and one or more label columns. Every row is kept or
/// the load fails with the row's line: an empty text or label is an error (or, for text, skipped and
/// counted when the caller allows it); rows left out by a filter are counted, never silently dropped.
/// </summary>
public sealed class LabeledData
{
    /// <summary>The file read, or for several files their paths joined with " + " (<see cref="Files"/> lists them).</summary>
    public string Source { get; }
    /// <summary>The files the rows come from, in order (one unless <see cref="Concat"/> joined several).</summary>
    public IReadOnlyList<string> Files { get; private init; } = [];
    private int[]? _fileOfRow;
    public LabeledDataSpec Spec { get; }
    public IReadOnlyList<string> Texts { get; }
    /// <summary>Labels[head][row].</summary>
    public IReadOnlyList<string[]> Labels { get; }
    /// <summary>The group of each row, or null without a group column.</summary>
    public IReadOnlyList<string>? Groups { get; }
    public IReadOnlyList<long> Lines { get; }
    public int SkippedEmpty { get; }
    /// <summary>The field delimiter used: given, or detected from the header.</summary>
    public char Delimiter { get; }
    public int FilteredOut { get; }

    private LabeledData(string source, LabeledDataSpec spec, List<string> texts, List<string>[] labels, List<string>? groups,
        List<long> lines, int skipped, int filtered, char delimiter)
    {
        Source = source; Spec = spec; Texts = texts; Delimiter = delimiter;
        Labels = labels.Select(l => l.ToArray()).ToArray();
        Groups = groups; Lines = lines; SkippedEmpty = skipped; FilteredOut = filtered;
        Files = [source];
    }

    /// <summary>The file row <paramref name="row"/> was read from (its line is <see cref="Lines"/>[row] there).</summary>
    public string SourceOf(int row) => _fileOfRow is null ? Source : Files[_fileOfRow[row]];

    /// <summary>The rows of several files read with the same spec, in file order (each keeps its own line numbers).</summary>
    public static LabeledData Concat(IReadOnlyList<LabeledData> parts)
    {
        if (parts.Count == 1) return parts[0];
        var first = parts[0];
        var labels = first.Spec.LabelColumns.Select((_, h) => parts.SelectMany(p => p.Labels[h]).ToList()).ToArray();
        var groups = first.Groups is null ? null : parts.SelectMany(p => p.Groups!).ToList();
        return new LabeledData(string.Join(" + ", parts.Select(p => p.Source)), first.Spec, parts.SelectMany(p => p.Texts).ToList(), labels, groups,
            parts.SelectMany(p => p.Lines).ToList(), parts.Sum(p => p.SkippedEmpty), parts.Sum(p => p.FilteredOut), first.Delimiter)
        {
            Files = parts.Select(p => p.Source).ToList(),
            _fileOfRow = parts.SelectMany((p, f) => Enumerable.Repeat(f, p.Count)).ToArray(),
        };
    }

    public int Count => Texts.Count;
    public string TextColumn => Spec.TextColumn;
    public IReadOnlyList<string> LabelColumns => Spec.LabelColumns;

    public static LabeledData Load(string path, string textColumn, IReadOnlyList<string> labelColumns) =>
        Load(path, new LabeledDataSpec { TextColumn = textColumn, LabelColumns = labelColumns });

    public static LabeledData Load(string path, LabeledDataSpec spec)
    {
        using var csv = CsvSource.Open(path, ReadOptions.For(spec.Delimiter, spec.Encoding, spec.Budget));
        return Read(csv, path, spec);
    }

    /// <summary>Reads training rows from CSV bytes with the checks of a file (tests, fuzzing); training needs <see cref="Source"/> to name a file it can hash.</summary>
    public static LabeledData Read(string name, Stream stream, LabeledDataSpec spec)
    {
        using var csv = CsvSource.FromStream(name, stream, ReadOptions.For(spec.Delimiter, spec.Encoding, spec.Budget));
        return Read(csv, name, spec);
    }

    private static LabeledData Read(CsvSource csv, string path, LabeledDataSpec spec)
    {
        int textAt = csv.RequireColumn(spec.TextColumn);
        var labelAt = spec.LabelColumns.Select(csv.RequireColumn).ToArray();
        int groupAt = spec.GroupColumn is null ? -1 : csv.RequireColumn(spec.GroupColumn);
        int whereAt = spec.Where is { } w ? csv.RequireColumn(w.Column) : -1;
        var texts = new List<string>();
        var lines = new List<long>();
        var labels = spec.LabelColumns.Select(_ => new List<string>()).ToArray();
        var groups = groupAt >= 0 ? new List<string>() : null;
        int skipped = 0, filtered = 0;
        foreach (var record in csv.Records())
        {
            if (whereAt >= 0 && record.Fields[whereAt] != spec.Where!.Value.Value) { filtered++; continue; }
            string text = record.Fields[textAt];
            if (string.IsNullOrWhiteSpace(text))
            {
                if (spec.SkipEmpty) { skipped++; continue; }
                throw InputException.At(path, record.Line, textAt + 1, spec.TextColumn, "empty text (remove the row, or pass --skip-empty to skip such rows)");
            }
            for (int h = 0; h < labelAt.Length; h++)
            {
                string label = record.Fields[labelAt[h]].Trim();
                if (label.Length == 0)
                    throw InputException.At(path, record.Line, labelAt[h] + 1, spec.LabelColumns[h], "empty label: every training row needs a value here");
                labels[h].Add(label);
            }
            groups?.Add(record.Fields[groupAt]);
            texts.Add(text);
            lines.Add(record.Line);
        }
        if (texts.Count == 0)
            throw InputException.At(path, 2, null, null,
                filtered > 0 ? $"no row matches {spec.Where!.Value.Column}={spec.Where!.Value.Value} ({filtered} rows left out)"
                : skipped > 0 ? $"every row has an empty text ({skipped} skipped)" : "no data rows after the header");
        return new LabeledData(path, spec, texts, labels, groups, lines, skipped, filtered, csv.Delimiter);
    }
}
