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
