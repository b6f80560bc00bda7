using Stance.Cli;
using Stance.Core.Common;
using System.Text;
using Stance.Core.Input;

namespace Stance.Tests;

/// <summary>Every CSV case of the reliability issue, in process: what is read, and the one line each bad input gets.</summary>
public class CsvInputTests
{
    private static readonly string Rows = string.Concat(Enumerable.Range(0, 5).Select(i =>
        $"text number {i} is critical,critical\ntext number {i} is neutral,neutral\n"));

    private static LabeledData Load(byte[] bytes, LabeledDataSpec? spec = null) =>
        LabeledData.Read("data.csv", new MemoryStream(bytes), spec ?? new LabeledDataSpec());

    private static LabeledData Load(string text, LabeledDataSpec? spec = null) => Load(Encoding.UTF8.GetBytes(text), spec);

    private static string Rejects(byte[] bytes, LabeledDataSpec? spec = null, params string[] fragments)
    {
        var e = Assert.Throws<InputException>(() => Load(bytes, spec));
        Assert.DoesNotContain("\n", e.Message);
        Assert.StartsWith("data.csv", e.Message);
        foreach (var f in fragments) Assert.Contains(f, e.Message);
        return e.Message;
    }

    private static string Rejects(string text, params string[] fragments) => Rejects(Encoding.UTF8.GetBytes(text), null, fragments);

    [Fact]
    public void Utf8WithOrWithoutBomAndCrlfOrLfReadTheSame()
    {
        var plain = Load("text,stance\n" + Rows);
        var bomCrlf = Load([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(("text,stance\n" + Rows).ReplaceLineEndings("\r\n"))]);
        Assert.Equal(10, plain.Count);
        Assert.Equal(plain.Texts, bomCrlf.Texts);
        Assert.Equal(plain.Labels[0], bomCrlf.Labels[0]);
        Assert.Equal(plain.Lines, bomCrlf.Lines);
    }

    [Fact]
    public void QuotedNewlinesAndDoubledQuotesAreKeptAndLinesCountPhysically()
    {
        var set = Load("text,stance\n\"first line\r\nsecond, with \"\"quotes\"\"\",critical\n" + Rows);
        Assert.Equal("first line\r\nsecond, with \"quotes\"", set.Texts[0]);
        Assert.Equal([2L, 4], set.Lines.Take(2));
    }

    [Fact]
    public void AFiveMegabyteFieldIsRead()
    {
        string big = string.Concat(Enumerable.Repeat("palabra, \"dicha\" ", 5_000_000 / 17 + 1));
        var set = Load("text,stance\n\"" + big.Replace("\"", "\"\"") + "\",critical\n" + Rows);
        Assert.Equal(big, set.Texts[0]);
    }

    [Fact]
    public void SemicolonAndTabAreDetectedFromTheHeaderUnlessADelimiterIsGiven()
    {
        var semicolon = Load("text;stance\n\"a; b, c\";critical\n" + Rows.Replace(',', ';'));
        Assert.Equal(';', semicolon.Delimiter);
        Assert.Equal("a; b, c", semicolon.Texts[0]);
        var tab = Load("text\tstance\n" + Rows.Replace(',', '\t'));
        Assert.Equal('\t', tab.Delimiter);
        Assert.Equal(10, tab.Count);
        // A semicolon inside a quoted header name does not count; commas win ties.
        var comma = Load("\"text;x\",stance\n" + Rows, new LabeledDataSpec { TextColumn = "text;x" });
        Assert.Equal(',', comma.Delimiter);
        // An explicit delimiter is obeyed.
        Rejects(Encoding.UTF8.GetBytes("text;stance\n" + Rows.Replace(',', ';')), new LabeledDataSpec { Delimiter = ',' }, "no column \"text\"");
    }

    [Fact]
    public void UnbalancedAndStrayQuotesNameLineAndColumn()
    {
        Rejects("text,stance\n" + Rows + "\"never closed,critical\nmore,neutral\n", "data.csv, line 12, column 1 (text)", "never closed");
        Rejects("text,stance\n" + Rows + "he said \"no\" loudly,critical\n", "line 12, column 1 (text)", "quote inside an unquoted field");
        Rejects("text,stance\n" + Rows + "fine,\"critical\" x\n", "line 12, column 2 (stance)", "after the closing quote");
    }

    [Fact]
    public void InvalidUtf8NamesLineColumnAndByteAndLatin1ReadsIt()
    {
        var bytes = Encoding.UTF8.GetBytes("text,stance\n" + Rows).Concat(Encoding.Latin1.GetBytes("ok,crit\u00EDcal\n")).ToArray();
        Rejects(bytes, null, "data.csv, line 12, column 2 (stance)", "invalid UTF-8", "0xED", "character 8", "--encoding latin1");
        var latin = Load(bytes, new LabeledDataSpec { Encoding = TextEncoding.Latin1 });
        Assert.Equal("crit\u00EDcal", latin.Labels[0][^1]);
        // Windows-1252 punctuation in 0x80-0x9F comes out as the characters meant.
        var cp = Load([.. Encoding.ASCII.GetBytes("text,stance\n"), 0x93, (byte)'q', 0x94, 0x20, 0x80, (byte)',', (byte)'x', (byte)'\n', .. Encoding.ASCII.GetBytes(Rows)],
            new LabeledDataSpec { Encoding = TextEncoding.Latin1 });
        Assert.Equal("\u201Cq\u201D \u20AC", cp.Texts[0]);
        // A bad byte in the header, and a sequence cut off by the end of the file.
        Rejects([.. Encoding.ASCII.GetBytes("te"), 0xFF, .. Encoding.ASCII.GetBytes("xt,stance\n" + Rows)], null, "line 1, column 1", "0xFF");
        Rejects([.. Encoding.UTF8.GetBytes("text,stance\n" + Rows + "x,y"), 0xC3], null, "line 12, column 2 (stance)", "0xC3");
    }

    [Fact]
    public void InvalidUtf8FarIntoALongFileIsLocated()
    {
        var sb = new StringBuilder("text,stance\n");
        for (int i = 0; i < 20_000; i++) sb.Append($"row {i} with some words,{(i % 2 == 0 ? "critical" : "neutral")}\n");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString()).Concat(new byte[] { (byte)'a', 0x80, (byte)',', (byte)'b', (byte)'\n' }).ToArray();
        Rejects(bytes, null, "line 20002, column 1 (text)", "0x80", "character 2");
    }

    [Fact]
    public void WrongFieldCountsNameTheLineAndTheColumn()
    {
        Rejects("text,stance\n" + Rows + "a,b,c\n", "line 12, column 3:", "expected 2 fields", "found 3");
        Rejects("text,stance\n" + Rows + "only text\n", "line 12, column 2 (stance)", "expected 2 fields", "found 1");
    }

    [Fact]
    public void AMissingColumnListsTheColumnsFound()
    {
        Rejects("body,stance\n" + Rows, "data.csv, line 1", "no column \"text\"", "found: body, stance");
        var e = Assert.Throws<InputException>(() => Load("text,stance\n" + Rows, new LabeledDataSpec { LabelColumns = ["stance", "sentiment"] }));
        Assert.Contains("no column \"sentiment\" in the header (found: text, stance)", e.Message);
    }

    [Fact]
    public void HeaderOnlyEmptyFileAndBlankFileAreErrors()
    {
        Rejects("text,stance\n", "line 2", "no data rows after the header");
        Rejects("text,stance\r\n\r\n\n", "no data rows after the header");
        Rejects("", "line 1", "empty file");
        Rejects(Encoding.UTF8.GetPreamble(), null, "empty file");
        Rejects("\n\n", "empty file");
    }

    [Fact]
    public void BinaryFilesAreRefusedByTheirFirstBytes()
    {
        Rejects([(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0], null, "line 1", "zip archive", ".xlsx", "CSV UTF-8");
        Rejects([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], null, "old Office file");
        Rejects("%PDF-1.7\n...", "PDF");
        Rejects([0x1F, 0x8B, 8, 0], null, "gzip");
        Rejects(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("text,stance\n" + Rows)).ToArray(), null, "UTF-16", "save it as UTF-8");
        Rejects(Encoding.Unicode.GetBytes("text,stance\n" + Rows), null, "UTF-16 text without a byte-order mark");
        var random = new byte[4000];
        new Random(7).NextBytes(random);
        random[100] = 0;
        Rejects(random, null, "binary file", "NUL byte");
        Rejects(Encoding.UTF8.GetBytes("text,stance\nabc\0def,critical\n" + Rows), null, "line 2", "binary file (a NUL byte at byte 16)");
    }

    [Fact]
    public void ANulByteFarIntoTheFileIsLocated()
    {
        var head = string.Concat(Enumerable.Repeat(Rows, 200));
        Rejects(Encoding.UTF8.GetBytes("text,stance\n" + head + "ok,crit\0ical\n"), null, "line 2002, column 2 (stance)", "NUL character", "binary");
    }

    [Fact]
    public void AFieldBeyondTheMemoryBudgetIsRefusedNotBuffered()
    {
        var budget = new MemoryBudget(64L << 20);   // 1 Mi characters per field
        string big = new('x', (int)budget.MaxFieldChars + 10);
        Rejects(Encoding.UTF8.GetBytes("text,stance\n" + big + ",critical\n" + Rows), new LabeledDataSpec { Budget = budget },
            "line 2", "a field longer than 1,048,576 characters", "--max-memory");
        // An unclosed quote near the top of a long file stops at the cap, not at the end of the file.
        var rows = string.Concat(Enumerable.Repeat("some words here,critical\n", 60_000));
        Rejects(Encoding.UTF8.GetBytes("text,stance\n\"open" + rows), new LabeledDataSpec { Budget = budget }, "line 2", "a quote left open?");
    }

    [Fact]
    public void EmptyTextIsAnErrorUnlessSkippedAndCounted()
    {
        Rejects("text,stance\n" + Rows + "  ,critical\n", "line 12, column 1 (text)", "empty text", "--skip-empty");
        var skipped = Load("text,stance\n" + Rows + "  ,critical\n\"\",neutral\n", new LabeledDataSpec { SkipEmpty = true });
        Assert.Equal(10, skipped.Count);
        Assert.Equal(2, skipped.SkippedEmpty);
        Rejects("text,stance\n" + Rows + "text,\n", "line 12, column 2 (stance)", "empty label");
    }

    [Fact]
    public void DuplicateHeaderNamesAreAnError() =>
        Rejects("text,stance,text\n" + Rows.Replace("\n", ",x\n"), "line 1, column 3 (text)", "appears twice");

    [Fact]
    public void ParsersOfTheCliOptionsRejectNonsense()
    {
        Assert.Equal(TextEncoding.Latin1, OptionParsers.Encoding("ISO-8859-1"));
        Assert.Equal(TextEncoding.Utf8, OptionParsers.Encoding(null));
        Assert.Throws<InputException>(() => OptionParsers.Encoding("utf16"));
        Assert.Equal(2L << 30, OptionParsers.MaxMemory("2g").Bytes);
        Assert.Equal(1536L << 20, OptionParsers.MaxMemory("1.5GB").Bytes);
        Assert.Equal(512L << 20, OptionParsers.MaxMemory("512MiB").Bytes);
        Assert.Equal(MemoryBudget.Default, OptionParsers.MaxMemory(null));
        Assert.True(MemoryBudget.Default.Bytes >= MemoryBudget.Minimum);
        foreach (var bad in new[] { "lots", "-1g", "1k", "2x", "", "1e99g" })
            Assert.Throws<InputException>(() => OptionParsers.MaxMemory(bad));
        Assert.Null(OptionParsers.Delimiter(null));
        Assert.Equal('\t', OptionParsers.Delimiter("tab"));
        Assert.Throws<InputException>(() => OptionParsers.Delimiter("\""));
    }

    [Fact]
    public void ScoreInputsTakeTheSameChecksAndTheEncodingFromFilesAndArticles()
    {
        var dir = Cli.TempDir();
        var article = Path.Combine(dir, "a.txt");
        File.WriteAllBytes(article, [.. Encoding.ASCII.GetBytes("Headline\n\nCaf"), 0xE9, (byte)' ', 0x93, (byte)'x', 0x94, .. Encoding.ASCII.GetBytes(" opened again in Havana on Monday, after three years of repairs to its roof and kitchen.\n")]);
        var e = Assert.Throws<InputException>(() => new ScoringInput([article], "text", new ReadOptions()).Units(TextReader.Null).ToList());
        Assert.Contains("a.txt, line 3: invalid UTF-8 (byte 0xE9 at character 4 of the line)", e.Message);
        var units = new ScoringInput([article], "text", new ReadOptions { Encoding = TextEncoding.Latin1 }).Units(TextReader.Null).ToList();
        Assert.Equal("Caf\u00E9 \u201Cx\u201D opened again in Havana on Monday, after three years of repairs to its roof and kitchen.", units[^1].Text);
        var csv = Path.Combine(dir, "b.csv");
        File.WriteAllText(csv, "id;text\nx1;hola, amigos\n");
        var rows = new ScoringInput([csv], "text", new ReadOptions()).Units(TextReader.Null).ToList();
        Assert.Equal(["hola, amigos"], rows.Select(u => u.Text));
        var big = Path.Combine(dir, "big.txt");
        File.WriteAllText(big, new string('y', (1 << 20) + 1));
        e = Assert.Throws<InputException>(() => new ScoringInput([big], "text", ReadOptions.For(null, TextEncoding.Utf8, new MemoryBudget(64L << 20)))
            .Units(TextReader.Null).ToList());
        Assert.Contains("big.txt", e.Message);
        Assert.Contains("--max-memory", e.Message);
    }
}
