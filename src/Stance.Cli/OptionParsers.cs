using System.Globalization;
using Stance.Core.Common;

namespace Stance.Cli;

/// <summary>Option values both front-ends read the same way, parsed once into the engine's types.</summary>
public static class OptionParsers
{
    /// <summary>Reads a --max-memory value: a number of bytes with an optional unit k, m, g or t (also kb, mib, gb …); null gives the default.</summary>
    public static MemoryBudget MaxMemory(string? value)
    {
        if (value is null) return MemoryBudget.Default;
        string v = value.Trim().ToLowerInvariant();
        int unitAt = v.Length;
        while (unitAt > 0 && char.IsLetter(v[unitAt - 1])) unitAt--;
        long scale = v[unitAt..] switch
        {
            "" or "b" => 1,
            "k" or "kb" or "kib" => 1L << 10,
            "m" or "mb" or "mib" => 1L << 20,
            "g" or "gb" or "gib" => 1L << 30,
            "t" or "tb" or "tib" => 1L << 40,
            _ => 0,
        };
        if (scale == 0 || !double.TryParse(v[..unitAt], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double number)
            || !double.IsFinite(number) || number * scale > long.MaxValue / 2)
            throw new InputException($"--max-memory: expected a size such as 512m or 2g, got \"{value}\"");
        long bytes = (long)(number * scale);
        if (bytes < MemoryBudget.Minimum) throw new InputException($"--max-memory: {value} is too small; give at least 16m");
        return new MemoryBudget(bytes);
    }

    /// <summary>Reads an --encoding value: utf8 (utf-8) or latin1 (iso-8859-1, windows-1252, cp1252).</summary>
    public static TextEncoding Encoding(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "utf8" or "utf-8" => TextEncoding.Utf8,
        "latin1" or "latin-1" or "iso-8859-1" or "iso8859-1" or "windows-1252" or "cp1252" => TextEncoding.Latin1,
        _ => throw new InputException($"--encoding: expected utf8 or latin1, got \"{value}\""),
    };

    /// <summary>Reads a --delimiter value: one character, or the names "tab", "semicolon" and "comma"; null (not given) stays null: detect it.</summary>
    public static char? Delimiter(string? value) => value switch
    {
        null => null,
        "tab" or "\\t" => '\t',
        "semicolon" => ';',
        "comma" => ',',
        _ when value.Length == 1 && value[0] != '"' && !char.IsWhiteSpace(value[0]) || value == "\t" => value[0],
        _ => throw new InputException($"--delimiter: expected one character, \"tab\" or \"semicolon\", got \"{value}\""),
    };
}
