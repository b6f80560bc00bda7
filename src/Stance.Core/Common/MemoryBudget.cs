using Stance.Core.Common;
using System.Globalization;

namespace Stance.Core.Common;

/// <summary>
/// How much memory a run may use (--max-memory). Work whose estimated need exceeds it — loading a model
/// whose manifest declares huge arrays, training on a huge CSV, one huge field or article — stops before
/// it starts with one clear line, instead of an out-of-memory crash halfway. The default is three
/// quarters of the memory available to the process (which respects container limits).
/// </summary>
public sealed record MemoryBudget(long Bytes)
{
    public const long Minimum = 16L << 20;

    public static MemoryBudget Default { get; } = new(DefaultBytes());

    private static long DefaultBytes()
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available <= 0) available = 4L << 30;
        return Math.Max(Minimum, available / 4 * 3);
    }

    /// <summary>The longest single field or text accepted: featurizing a text takes some 64 bytes per character.</summary>
    public long MaxFieldChars => Math.Clamp(Bytes / 64, 1L << 20, 1L << 30);

    /// <summary>Reads a --max-memory value: a number of bytes with an optional unit k, m, g or t (also kb, mib, gb …); null gives the default.</summary>
    public static MemoryBudget Parse(string? value)
    {
        if (value is null) return Default;
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
        if (bytes < Minimum) throw new InputException($"--max-memory: {value} is too small; give at least 16m");
        return new MemoryBudget(bytes);
    }

    /// <summary>Throws a one-line <see cref="InputException"/> when <paramref name="bytes"/> exceeds the budget.</summary>
    /// <param name="what">What needs the memory, e.g. "data.csv: training on 2.1 GB of CSV".</param>
    public void Check(long bytes, string what)
    {
        if (bytes > Bytes)
            throw new InputException($"{what} needs about {Format(bytes)} of memory, above the budget of {Format(Bytes)}; " +
                "raise --max-memory if the machine has that much");
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 40 => Scaled(bytes, 40, "TB"),
        >= 1L << 30 => Scaled(bytes, 30, "GB"),
        >= 1L << 20 => Scaled(bytes, 20, "MB"),
        >= 1L << 10 => Scaled(bytes, 10, "KB"),
        _ => $"{bytes} bytes",
    };

    private static string Scaled(long bytes, int shift, string unit) =>
        (bytes / (double)(1L << shift)).ToString("0.#", CultureInfo.InvariantCulture) + " " + unit;

    /// <summary>Saturating arithmetic for estimates built from untrusted counts.</summary>
    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
    public static long Multiply(long a, long b) => a == 0 || b == 0 ? 0 : a > long.MaxValue / b ? long.MaxValue : a * b;
}
