using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Stance.Core.Data;

/// <summary>One CSV record with the physical line it starts on (1-based, counting the header as line 1).</summary>
public sealed record CsvRecord(long Line, string[] Fields);

/// <summary>
/// Strict streaming CSV reader over CsvHelper's parser: RFC 4180 quoting, UTF-8 with or without BOM,
/// CRLF or LF. Every malformed input becomes an <see cref="InputException"/> naming file, line and
/// column: unclosed or stray quotes, a record whose field count differs from the header, invalid UTF-8,
/// NUL bytes (a binary file), an empty file.
/// </summary>
public sealed class CsvSource : IDisposable
{
    private readonly string _name;
    private readonly string? _path;
    private readonly CsvParser _parser;
    private (long Line, string Field, string Raw)? _badData;
    private long _lastLine;

    public string[] Header { get; }
    public string Name => _name;

    private CsvSource(string name, string? path, TextReader reader, char delimiter)
    {
        _name = name;
        _path = path;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            BadDataFound = args => _badData ??= (_lastLine + 1, args.Field, args.RawRecord),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
        };
        _parser = new CsvParser(reader, config);
        var header = ReadRaw() ?? throw InputException.At(name, 1, null, null, "empty file: expected a header row naming the columns");
        Header = header.Fields.Select(h => h.Trim()).ToArray();
        for (int i = 0; i < Header.Length; i++)
            if (Array.IndexOf(Header, Header[i]) != i)
                throw InputException.At(name, 1, i + 1, Header[i], "column name appears twice in the header");
    }

    public static CsvSource Open(string path, char delimiter = ',')
    {
        if (!File.Exists(path)) throw new InputException($"{path}: file not found");
        var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        try { return new CsvSource(path, path, reader, delimiter); }
        catch { reader.Dispose(); throw; }
    }

    public static CsvSource FromReader(string name, TextReader reader, char delimiter = ',') => new(name, null, reader, delimiter);

    /// <summary>Index of a column by exact name, or an error listing the columns found.</summary>
    public int RequireColumn(string column)
    {
        int i = Array.IndexOf(Header, column);
        if (i < 0) throw InputException.At(_name, 1, null, null,
            $"no column \"{column}\" in the header (found: {string.Join(", ", Header)})");
        return i;
    }

    public int ColumnIndex(string column) => Array.IndexOf(Header, column);

    /// <summary>The data records, each checked to have as many fields as the header.</summary>
    public IEnumerable<CsvRecord> Records()
    {
        while (ReadRaw() is { } record)
        {
            if (record.Fields.Length != Header.Length)
                throw InputException.At(_name, record.Line, Math.Min(record.Fields.Length, Header.Length + 1), null,
                    $"expected {Header.Length} fields as in the header, found {record.Fields.Length}");
            yield return record;
        }
    }

    private CsvRecord? ReadRaw()
    {
        bool more;
        try { more = _parser.Read(); }
        catch (DecoderFallbackException)
        {
            throw _path != null ? Utf8Locator.Describe(_path) : InputException.At(_name, _lastLine + 1, null, null, "invalid UTF-8");
        }
        if (!more) return null;
        long start = _lastLine + 1;
        _lastLine = _parser.RawRow;
        var fields = _parser.Record ?? [];
        if (_badData is { } bad) throw BadQuote(bad.Field, bad.Raw, start);
        foreach (var f in fields)
            if (f.Contains('\0'))
                throw InputException.At(_name, start, null, null, "NUL byte: this looks like a binary file, not a CSV text file");
        // A blank-looking first line of a quoted multi-line record still starts on its own line.
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
