using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Stance.Core.Common;

/// <summary>
/// Turns the bytes of a text file (or stdin) into characters and trusts none of them: the first bytes are
/// checked for binary formats (a spreadsheet workbook, a zip, UTF-16, NUL bytes) before anything is
/// read; UTF-8 is decoded strictly (a UTF-8 BOM is dropped), Latin-1 byte by byte; an invalid UTF-8
/// sequence or a NUL character anywhere is an error naming the line, the character of the line and —
/// for CSV — the field. Memory is bounded by two 64 KiB buffers however long the input.
/// Errors are raised only when the reader is asked for the characters at the bad spot, so every record
/// before it is read (and checked) first: errors come in file order.
/// </summary>
public sealed class CheckedTextReader : TextReader
{
    private const int Chunk = 1 << 16;
    private const int SniffBytes = 8;

    private readonly string _name;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly TextEncoding _encoding;
    private readonly Decoder? _singleByte;
    private readonly bool _csv;
    private readonly byte[] _bytes = new byte[Chunk];
    private int _byteCount;
    private bool _endOfStream, _started;
    private readonly char[] _chars = new char[Chunk];
    private int _charPos, _charEnd;
    private Func<InputException>? _pending;

    // Where the last decoded character is: line (1-based), characters into the line, CSV field (0-based).
    private long _line = 1;
    private long _lineChars;
    private int _field;
    private bool _quoted, _afterCr;

    /// <summary>The CSV delimiter: as given, or detected from the header line by <see cref="Start"/>.</summary>
    public char Delimiter { get; private set; }

    /// <summary>Column names for error messages, once the header is known.</summary>
    public IReadOnlyList<string>? ColumnNames { get; set; }

    /// <param name="csv">Track CSV fields (quotes, delimiter) so errors can name the column; detect the delimiter when none is given.</param>
    public CheckedTextReader(string name, Stream stream, TextEncoding encoding, bool csv, char? delimiter = null, bool leaveOpen = false)
    {
        _name = name;
        _stream = stream;
        _leaveOpen = leaveOpen;
        _encoding = encoding;
        _csv = csv;
        Delimiter = delimiter ?? '\0';
        if (encoding == TextEncoding.Latin1) _singleByte = TextEncodings.SingleByte.GetDecoder();
    }

    /// <summary>Reads the first bytes: refuses binary files and, for CSV without a delimiter, picks it from the header line.</summary>
    public void Start()
    {
        if (_started) return;
        _started = true;
        // Enough bytes for the signatures; no more waiting than that on a slow pipe. NUL bytes after
        // these first bytes are found as the text is decoded.
        do ReadBytes(); while (!_endOfStream && _byteCount < SniffBytes);
        Sniff(_bytes.AsSpan(0, _byteCount));
        if (_encoding == TextEncoding.Utf8 && _bytes.AsSpan(0, _byteCount).StartsWith("\uFEFF"u8)) Consume(3);
        if (Delimiter == '\0') DecodeNext(); // the delimiter is detected from the first decoded characters
    }

    /// <summary>The delimiter the header line shows: semicolon or tab when they outnumber commas outside quotes, else comma.</summary>
    public static char DetectDelimiter(ReadOnlySpan<char> text)
    {
        int comma = 0, semicolon = 0, tab = 0;
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (c is '\n' or '\r') break;
            else if (c == ',') comma++;
            else if (c == ';') semicolon++;
            else if (c == '\t') tab++;
        }
        return semicolon > comma && semicolon >= tab ? ';' : tab > comma && tab > semicolon ? '\t' : ',';
    }

    public override int Peek()
    {
        if (_charPos == _charEnd && !Fill()) return -1;
        return _chars[_charPos];
    }

    public override int Read()
    {
        if (_charPos == _charEnd && !Fill()) return -1;
        return _chars[_charPos++];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.Length == 0) return 0;
        if (_charPos == _charEnd && !Fill()) return 0;
        int n = Math.Min(buffer.Length, _charEnd - _charPos);
        _chars.AsSpan(_charPos, n).CopyTo(buffer);
        _charPos += n;
        return n;
    }

    public override string ReadToEnd()
    {
        var sb = new StringBuilder();
        while (_charPos < _charEnd || Fill())
        {
            sb.Append(_chars, _charPos, _charEnd - _charPos);
            _charPos = _charEnd;
        }
        return sb.ToString();
    }

    /// <summary>Decodes the next characters; false at the end. Throws the pending error once the characters before it are used up.</summary>
    private bool Fill()
    {
        if (!_started)
        {
            Start();
            if (_charPos < _charEnd) return true;
        }
        while (true)
        {
            if (_pending is { } error) throw error();
            if (_endOfStream && _byteCount == 0) return false;
            if (DecodeNext() > 0) return true;
        }
    }

    /// <summary>Replaces the character buffer with the next decoded characters (possibly none), tracking the position and noting any error.</summary>
    private int DecodeNext()
    {
        _charPos = _charEnd = 0;
        if (!_endOfStream && _byteCount < 16) ReadBytes();
        int written = Decode(out byte? invalid);
        if (Delimiter == '\0') Delimiter = _csv ? DetectDelimiter(_chars.AsSpan(0, written)) : ',';
        _charEnd = Track(0, written);
        if (_charEnd == written && invalid is byte bad)
        {
            long line = _line, column = _lineChars + 1;
            int field = _field;
            _pending = () => Error(line, field, $"invalid UTF-8 (byte 0x{bad:X2} at character {column} of the line); " +
                "save the file as UTF-8, or pass --encoding latin1 if it is Latin-1 / Windows-1252");
        }
        return _charEnd;
    }

    private void ReadBytes()
    {
        if (_byteCount == _bytes.Length) return;
        int n = _stream.Read(_bytes, _byteCount, _bytes.Length - _byteCount);
        if (n == 0) _endOfStream = true;
        else _byteCount += n;
    }

    private void Consume(int n)
    {
        Buffer.BlockCopy(_bytes, n, _bytes, 0, _byteCount - n);
        _byteCount -= n;
    }

    /// <summary>Decodes the buffered bytes into _chars[0..]; leaves an incomplete trailing sequence for the next read.</summary>
    private int Decode(out byte? invalid)
    {
        invalid = null;
        if (_singleByte is not null)
        {
            int chars = _singleByte.GetChars(_bytes, 0, _byteCount, _chars, 0, flush: _endOfStream);
            Consume(_byteCount);
            return chars;
        }
        var status = Utf8.ToUtf16(_bytes.AsSpan(0, _byteCount), _chars, out int read, out int written,
            replaceInvalidSequences: false, isFinalBlock: _endOfStream);
        if (status == OperationStatus.InvalidData)
        {
            invalid = _bytes[read];
            _byteCount = 0; // nothing after the bad byte is ever decoded
            return written;
        }
        Consume(read);
        return written;
    }

    /// <summary>Advances the position over _chars[from..to]; stops before a NUL character (setting the error) and returns where it stopped.</summary>
    private int Track(int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            char c = _chars[i];
            if (c == '\0')
            {
                long line = _line, column = _lineChars + 1;
                int field = _field;
                _pending = () => Error(line, field, $"a NUL character (at character {column} of the line): this looks like a binary file, not {What}");
                _byteCount = 0;
                return i;
            }
            if (c == '\n' || c == '\r')
            {
                if (!(c == '\n' && _afterCr)) { _line++; _lineChars = 0; }
                _afterCr = c == '\r';
                if (!_quoted) _field = 0;
                continue;
            }
            _afterCr = false;
            _lineChars++;
            if (!_csv) continue;
            if (c == '"') _quoted = !_quoted;
            else if (c == Delimiter && !_quoted) _field++;
        }
        return to;
    }

    private string What => _csv ? "CSV text" : "text";

    private InputException Error(long line, int field, string message)
    {
        if (!_csv) return InputException.At(_name, line, null, null, message);
        string? columnName = ColumnNames is { } names && field < names.Count ? names[field] : null;
        return InputException.At(_name, line, field + 1, columnName, message);
    }

    /// <summary>Refuses, by their first bytes, files that are not text: workbooks, archives, PDFs, UTF-16, anything with NUL bytes.</summary>
    private void Sniff(ReadOnlySpan<byte> head)
    {
        string save = _csv ? "save the sheet as CSV UTF-8" : "save it as UTF-8 text";
        string? what =
            head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8) ? $"a zip archive (an .xlsx or .ods workbook?), not {What}; {save}"
            : Starts(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1) ? $"an old Office file (an .xls workbook?), not {What}; {save}"
            : head.StartsWith("%PDF-"u8) ? $"a PDF document, not {What}"
            : Starts(head, 0x1F, 0x8B) ? $"gzip-compressed, not {What}; decompress it first"
            : Starts(head, 0xFF, 0xFE) || Starts(head, 0xFE, 0xFF) ? "UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8"
            : null;
        long line = 1;
        if (what is null)
        {
            int nul = head.IndexOf((byte)0);
            if (nul < 0) return;
            int oddNuls = 0, evenNuls = 0;
            for (int i = 0; i < head.Length; i++)
                if (head[i] == 0) { if ((i & 1) == 1) oddNuls++; else evenNuls++; }
            what = Math.Max(oddNuls, evenNuls) * 4 > head.Length ? "UTF-16 text without a byte-order mark (every other byte is NUL); save it as UTF-8"
                : $"a binary file (a NUL byte at byte {nul + 1}), not {What}";
            line += head[..nul].Count((byte)'\n');
        }
        throw InputException.At(_name, line, null, null, $"this is {what}");
    }

    private static bool Starts(ReadOnlySpan<byte> head, params ReadOnlySpan<byte> signature) => head.StartsWith(signature);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen) _stream.Dispose();
        base.Dispose(disposing);
    }
}
