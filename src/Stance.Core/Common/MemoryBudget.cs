using System.Globalization;

namespace Stance.Core.Common;

/// <summary>
/// How much memory a run may use. Work whose estimated need exceeds it — loading a model
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
