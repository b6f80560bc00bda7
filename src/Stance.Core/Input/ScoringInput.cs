using Stance.Core.Common;
using Stance.Core.Text;

namespace Stance.Core.Input;

/// <summary>
/// Reads the inputs of Score in order: CSV files (one text per row; the other columns ride along),
/// .txt files (an article page, cut into units by an <see cref="ArticleSegmenter"/>; ids are
/// file:unit-number), folders (every .csv and .txt inside, recursively, in ordinal path order) and "-"
/// (stdin: JSONL when its first non-blank character is "{", else CSV). Units are produced lazily, so
/// scoring streams.
/// </summary>
public sealed class ScoringInput
{
    private readonly IReadOnlyList<string> _inputs;
    private readonly string _textColumn;
    private readonly ReadOptions _read;
    private readonly ArticleSegmenter _segmenter;

    public ScoringInput(IReadOnlyList<string> inputs, string textColumn, char delimiter, ArticleSegmenter? segmenter = null)
        : this(inputs, textColumn, new ReadOptions { Delimiter = delimiter }, segmenter) { }

    /// <param name="read">Delimiter (null: detected per CSV), encoding of every input, longest text accepted.</param>
    public ScoringInput(IReadOnlyList<string> inputs, string textColumn, ReadOptions read, ArticleSegmenter? segmenter = null)
    {
        if (inputs.Count == 0) throw new InputException("no input: give one or more .csv or .txt files, folders, or - for stdin");
        var expanded = new List<string>();
        foreach (var i in inputs)
        {
            if (i == "-") { expanded.Add(i); continue; }
            if (Directory.Exists(i))
            {
                var files = Directory.EnumerateFiles(i, "*", SearchOption.AllDirectories).Where(f => IsCsv(f) || IsText(f) || IsJsonl(f)).Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0) throw new InputException($"{i}: the folder holds no .csv, .jsonl or .txt file");
                expanded.AddRange(files);
                continue;
            }
            if (!File.Exists(i)) throw new InputException($"{i}: file not found");
            if (!IsCsv(i) && !IsText(i) && !IsJsonl(i)) throw new InputException($"{i}: expected a .csv, .jsonl or .txt file, a folder, or -");
            expanded.Add(i);
        }
        _inputs = expanded; _textColumn = textColumn; _read = read;
        _segmenter = segmenter ?? new ArticleSegmenter();
    }

    private static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
    private static bool IsText(string path) => path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
    private static bool IsJsonl(string path) => path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Columns of the CSV inputs other than id and the text column, in order of first appearance. A CSV on
    /// stdin is opened here to read its header (and kept open for <see cref="Units"/>), so its columns ride
    /// along as a file's do.
    /// </summary>
    public IReadOnlyList<string> ExtraColumns(TextReader stdin)
    {
        var extra = new List<string>();
        if (Lines) return extra;
        foreach (var input in _inputs.Where(i => i == "-" || IsCsv(i)))
        {
            if (input == "-")
            {
                if (StdinCsv(stdin) is { } piped) Add(piped.Header);
                continue;
            }
            using var csv = CsvSource.Open(input, _read);
            csv.RequireColumn(_textColumn);
            Add(csv.Header);
        }
        return extra;

        void Add(IEnumerable<string> header)
        {
            foreach (var h in header) if (h != "id" && h != _textColumn && !extra.Contains(h)) extra.Add(h);
        }
    }

    /// <summary>Every input is plain text, one unit per line (as fastText reads, or a Hadoop Streaming mapper gets): ids are source:line; empty lines are units with status "empty text".</summary>
    public bool Lines { get; init; }

    /// <summary>When set, a bad JSON Lines record or a bounded bad CSV record (see <see cref="CsvSource.Reject"/>) is handed here (source, line, reason, record) and skipped instead of failing the run.</summary>
    public Action<string, long, string, string>? Reject { get; init; }

    private Action<long, string, string>? RejectFrom(string source) => Reject is { } r ? (line, reason, record) => r(source, line, reason, record) : null;

    private CsvSource? _stdinCsv;
    private Stream? _stdinJsonl;
    private bool _stdinOpened;

    /// <summary>Opens stdin once: a CSV source (header read), or null when it holds JSON Lines (kept in <see cref="_stdinJsonl"/>).</summary>
    private CsvSource? StdinCsv(TextReader stdin)
    {
        if (_stdinOpened) return _stdinCsv;
        _stdinOpened = true;
        if (!ReferenceEquals(stdin, Console.In)) return null;   // another reader (tests): read as text in Units
        var (stream, jsonl) = PeekedStdin();
        if (jsonl) _stdinJsonl = stream;
        else
        {
            _stdinCsv = CsvSource.FromStream("stdin", stream, _read);
            _stdinCsv.RequireColumn(_textColumn);
        }
        return _stdinCsv;
    }

    public IEnumerable<ScoringUnit> Units(TextReader stdin)
    {
        foreach (var input in _inputs)
        {
            if (Lines)
            {
                // Only a reader opened here is closed here (a caller's stdin reader stays the caller's).
                using var opened = input != "-" ? new CheckedTextReader(input, File.OpenRead(input), _read.Encoding, csv: false)
                    : ReferenceEquals(stdin, Console.In) ? new CheckedTextReader("stdin", Console.OpenStandardInput(), _read.Encoding, csv: false) : null;
                foreach (var u in FromLines(opened ?? stdin, input == "-" ? "stdin" : input)) yield return u;
                continue;
            }
            if (input == "-")
            {
                // The process's own stdin is read as bytes, with the same checks as a file; another reader (tests) as text.
                if (ReferenceEquals(stdin, Console.In))
                {
                    if (StdinCsv(stdin) is { } piped)
                    {
                        using (piped) foreach (var u in FromCsv(piped, "stdin")) yield return u;
                        continue;
                    }
                    using var text = new CheckedTextReader("stdin", _stdinJsonl!, _read.Encoding, csv: false);
                    foreach (var u in JsonlUnits.Read(text, "stdin", _textColumn, RejectFrom("stdin"))) yield return u;
                    continue;
                }
                if (StartsWithBrace(stdin))
                {
                    foreach (var u in JsonlUnits.Read(stdin, "stdin", _textColumn, RejectFrom("stdin"))) yield return u;
                    continue;
                }
                using var csv = CsvSource.FromReader("stdin", stdin, _read.Delimiter ?? ',');
                foreach (var u in FromCsv(csv, "stdin")) yield return u;
            }
            else if (IsJsonl(input))
            {
                using var text = new CheckedTextReader(input, File.OpenRead(input), _read.Encoding, csv: false);
                foreach (var u in JsonlUnits.Read(text, input, _textColumn, RejectFrom(input))) yield return u;
            }
            else if (IsCsv(input))
            {
                using var csv = CsvSource.Open(input, _read);
                foreach (var u in FromCsv(csv, input)) yield return u;
            }
            else
            {
                foreach (var u in FromArticle(input)) yield return u;
            }
        }
    }

    private IEnumerable<ScoringUnit> FromCsv(CsvSource csv, string source)
    {
        csv.Reject = RejectFrom(source);
        int textAt = csv.RequireColumn(_textColumn);
        int idAt = csv.ColumnIndex("id");
        int kindAt = csv.ColumnIndex("kind");
        int row = 0;
        foreach (var r in csv.Records())
        {
            row++;
            var columns = new Dictionary<string, string>(csv.Header.Length);
            for (int i = 0; i < csv.Header.Length; i++) columns[csv.Header[i]] = r.Fields[i];
            string id = idAt >= 0 && r.Fields[idAt].Length > 0 ? r.Fields[idAt] : $"{Path.GetFileName(source)}:{row}";
            string kind = kindAt >= 0 && r.Fields[kindAt].Trim().Length > 0 ? r.Fields[kindAt].Trim() : "text";
            yield return new ScoringUnit(id, source, r.Line, r.Fields[textAt], columns, kind) { Index = row };
        }
    }

    private static IEnumerable<ScoringUnit> FromLines(TextReader reader, string source)
    {
        var empty = new Dictionary<string, string>();
        int line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            yield return new ScoringUnit($"{Path.GetFileName(source)}:{line}", source, line, text, empty, "text") { Index = line };
        }
    }

    private IEnumerable<ScoringUnit> FromArticle(string path)
    {
        long bytes = new FileInfo(path).Length;
        if (bytes > _read.MaxFieldChars)
            throw new InputException($"{path}: {MemoryBudget.Format(bytes)} is more than one text may hold under the memory budget " +
                $"({_read.MaxFieldChars} characters); split the article or raise --max-memory");
        string text;
        using (var reader = new CheckedTextReader(path, File.OpenRead(path), _read.Encoding, csv: false)) text = reader.ReadToEnd();
        var empty = new Dictionary<string, string>();
        int unit = 0;
        foreach (var u in _segmenter.Segment(text))
        {
            unit++;
            yield return new ScoringUnit($"{Path.GetFileName(path)}:{unit}", path, u.Line, u.Text, empty, u.KindName) { Index = unit, FromArticle = true };
        }
        // A page of which every line read as furniture leaves no record: say so rather than drop it unseen.
        if (unit == 0) _pagesWithoutUnits.Add(path);
    }

    private readonly List<string> _pagesWithoutUnits = [];

    /// <summary>The .txt pages read so far in which the segmenter found no headline, paragraph or comment (nothing scored, no article record).</summary>
    public IReadOnlyList<string> PagesWithoutUnits => _pagesWithoutUnits;

    /// <summary>
    /// The process's stdin as a byte stream, and whether it holds JSON Lines: its first bytes up to the
    /// first non-blank one are read, then handed back in front of the rest.
    /// </summary>
    private static (Stream Stream, bool Jsonl) PeekedStdin()
    {
        var raw = Console.OpenStandardInput();
        var prefix = new List<byte>();
        int b;
        while ((b = raw.ReadByte()) >= 0)
        {
            prefix.Add((byte)b);
            if (b is not (' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF)) break;   // blanks and a UTF-8 BOM
        }
        return (new PrefixedStream(prefix.ToArray(), raw), b == '{');
    }

    /// <summary>Skips leading white space on the reader and tells whether the next character is "{".</summary>
    private static bool StartsWithBrace(TextReader reader)
    {
        while (reader.Peek() is int c && c >= 0 && char.IsWhiteSpace((char)c)) reader.Read();
        return reader.Peek() == '{';
    }
}
