using CsvHelper;
using CsvHelper.Configuration;
using System.Globalization;

namespace Stance.Core.Common;

/// <summary>
/// Strict streaming CSV reader over CsvHelper's parser: RFC 4180 quoting, UTF-8 with or without BOM (or
/// Latin-1 when asked), CRLF or LF, comma, semicolon or tab. Every malformed input becomes an
/// <see cref="InputException"/> naming file, line and column: a binary file, unclosed or stray quotes,
/// a record whose field count differs from the header, invalid UTF-8, a NUL byte, a field longer than
/// the memory budget allows, an empty file.
/// </summary>
public sealed class CsvSource : IDisposable
{
    private readonly string _name;
    private readonly CsvParser _parser;
    private readonly CheckedTextReader? _checked;
    private readonly long _maxFieldChars;
    private (long Line, string Field, string Raw)? _badData;
    private long _lastLine;

    public string[] Header { get; }
    public string Name => _name;
    public char Delimiter { get; }

    private CsvRecord? _firstRecord;

    private CsvSource(string name, TextReader reader, char delimiter, long maxFieldChars, bool hasHeader = true)
    {
        _name = name;
        _checked = reader as CheckedTextReader;
        _maxFieldChars = maxFieldChars;
        Delimiter = delimiter;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            BadDataFound = args => _badData ??= (_lastLine + 1, args.Field, args.RawRecord),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
            MaxFieldSize = maxFieldChars,
        };
        _parser = new CsvParser(reader, config);
        var header = ReadRaw() ?? throw InputException.At(name, 1, null, null,
            hasHeader ? "empty file: expected a header row naming the columns" : "empty input: expected at least one row");
        if (hasHeader) Header = header.Fields.Select(h => h.Trim()).ToArray();
        else
        {
            Header = Enumerable.Range(1, header.Fields.Length).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
            _firstRecord = header;
        }
        if (_checked is not null) _checked.ColumnNames = Header;
        for (int i = 0; i < Header.Length; i++)
            if (Array.IndexOf(Header, Header[i]) != i)
                throw InputException.At(name, 1, i + 1, Header[i], "column name appears twice in the header");
    }

    /// <summary>Opens a CSV file; the delimiter is detected from the header unless given.</summary>
    public static CsvSource Open(string path, char? delimiter = null) => Open(path, new ReadOptions { Delimiter = delimiter });

    public static CsvSource Open(string path, ReadOptions options)
    {
        if (Directory.Exists(path)) throw new InputException($"{path}: is a folder, not a CSV file");
        if (!File.Exists(path)) throw new InputException($"{path}: file not found");
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        return FromStream(path, stream, options);
    }

    /// <summary>Reads CSV from a byte stream (a file, stdin) with every check of <see cref="Open(string, ReadOptions)"/>; disposes the stream.</summary>
    public static CsvSource FromStream(string name, Stream stream, ReadOptions options)
    {
        var reader = new CheckedTextReader(name, stream, options.Encoding, csv: true, options.Delimiter);
        try
        {
            reader.Start();
            return new CsvSource(name, reader, reader.Delimiter, options.MaxFieldChars, options.HasHeader);
        }
        catch { reader.Dispose(); throw; }
    }

    /// <summary>Reads CSV from text already decoded (tests, in-memory data); NUL characters are still refused.</summary>
    public static CsvSource FromReader(string name, TextReader reader, char delimiter = ',') =>
        new(name, reader, delimiter, MemoryBudget.Default.MaxFieldChars);

    /// <summary>Index of a column by exact name, or an error listing the columns found.</summary>
    public int RequireColumn(string column)
    {
        int i = Array.IndexOf(Header, column);
        if (i < 0) throw InputException.At(_name, 1, null, null,
            $"no column \"{column}\" in the header (found: {string.Join(", ", Header)})");
        return i;
    }

    public int ColumnIndex(string column) => Array.IndexOf(Header, column);

    /// <summary>
    /// When set, a data record that is malformed but whose end is known — a wrong field count, a stray
    /// quote — is handed here (line, reason, the record as read) and skipped. An unclosed quote, a field
    /// over the size limit, invalid UTF-8 or a NUL byte still stop the run: where the record ends is unknown.
    /// </summary>
    public Action<long, string, string>? Reject { get; set; }

    /// <summary>The data records, each checked to have as many fields as the header.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        while ((_firstRecord ?? ReadRaw(data: true)) is { } record)
        {
            _firstRecord = null;
            if (record.Fields.Length != Header.Length)
            {
                // Name the first missing column, or the first field beyond the header.
                int column = Math.Min(record.Fields.Length, Header.Length) + 1;
                var error = InputException.At(_name, record.Line, column, column <= Header.Length ? Header[column - 1] : null,
                    record.Fields.Length < Header.Length
                        ? $"expected {Header.Length} fields as in the header, found {record.Fields.Length} (a missing delimiter, or a line break outside quotes?)"
                        : $"expected {Header.Length} fields as in the header, found {record.Fields.Length} (an unquoted delimiter inside a field?)");
                if (Reject is null) throw error;
                Reject(record.Line, error.Message, _parser.RawRecord.TrimEnd('\r', '\n'));
                continue;
            }
            yield return record;
        }
    }

    private CsvRecord? ReadRaw(bool data = false)
    {
        bool more;
        long start = _lastLine + 1;
        try { more = _parser.Read(); }
        catch (MaxFieldSizeException)
        {
            throw InputException.At(_name, start, null, null,
                $"a field longer than {_maxFieldChars.ToString("N0", CultureInfo.InvariantCulture)} characters starts in this record: a quote left open? (the limit follows --max-memory)");
        }
        catch (CsvHelperException e)
        {
            throw InputException.At(_name, start, null, null, $"not readable as CSV ({e.GetType().Name})");
        }
        if (!more) return null;
        _lastLine = _parser.RawRow;
        var fields = _parser.Record ?? [];
        if (_badData is { } bad)
        {
            var error = BadQuote(bad.Field, bad.Raw, start);
            bool unclosed = bad.Field.StartsWith('"') && CountQuotes(bad.Field) % 2 == 1;   // it ran to the end of the input
            if (!data || Reject is null || unclosed) throw error;
            _badData = null;
            Reject(start, error.Message, bad.Raw.TrimEnd('\r', '\n'));
            return ReadRaw(data);
        }
        foreach (var f in fields)
            if (f.Contains('\0'))
                throw InputException.At(_name, start, null, null, "NUL byte: this looks like a binary file, not CSV text");
        return new CsvRecord(start, fields);
    }

    private InputException BadQuote(string field, string raw, long line)
    {
        int column = FieldIndexOf(raw, field) + 1;
        string? name = column >= 1 && column <= (Header?.Length ?? 0) ? Header![column - 1] : null;
        string message = field.StartsWith('"') && CountQuotes(field) % 2 == 1
            ? "a quoted field is opened here and never closed (unbalanced quote)"
            : field.StartsWith('"') ? "text after the closing quote of a quoted field (a quote inside a quoted field must be doubled: \"\")"
            : "a quote inside an unquoted field (quote the whole field and double inner quotes)";
        return InputException.At(_name, line, column, name, message);
    }

    private int FieldIndexOf(string raw, string field)
    {
        int at = raw.IndexOf(field, StringComparison.Ordinal);
        if (at < 0) return 0;
        char delimiter = _parser.Delimiter[0];
        int index = 0;
        bool quoted = false;
        for (int i = 0; i < at; i++)
        {
            if (raw[i] == '"') quoted = !quoted;
            else if (raw[i] == delimiter && !quoted) index++;
        }
        return index;
    }

    private static int CountQuotes(string s) => s.Count(c => c == '"');

    public void Dispose() => _parser.Dispose();
}
