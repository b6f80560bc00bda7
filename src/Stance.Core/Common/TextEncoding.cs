using Stance.Core.Common;
namespace Stance.Core.Common;

/// <summary>How input bytes become text: strict UTF-8 (the default) or the Latin-1 escape hatch.</summary>
public enum TextEncoding
{
    /// <summary>UTF-8 with or without a BOM; any invalid byte is an error naming where it is.</summary>
    Utf8,
    /// <summary>
    /// One byte, one character: ISO-8859-1, with bytes 0x80–0x9F read as Windows-1252 punctuation
    /// (“ ” ‘ ’ – — € …) as web browsers do, since that is what Windows spreadsheet exports hold there.
    /// </summary>
    Latin1,
}

public static class TextEncodings
{
    /// <summary>Reads an --encoding value: utf8 (utf-8) or latin1 (iso-8859-1, windows-1252, cp1252).</summary>
    public static TextEncoding Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "utf8" or "utf-8" => TextEncoding.Utf8,
        "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" or "windows-1252" or "cp1252" => TextEncoding.Latin1,
        _ => throw new InputException($"--encoding: expected utf8 or latin1, got \"{value}\""),
    };

    internal static System.Text.Encoding SingleByte { get; } =
        System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? System.Text.Encoding.Latin1;
}
