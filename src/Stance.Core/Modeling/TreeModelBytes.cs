using System.IO.Compression;

namespace Stance.Core.Modeling;

/// <summary>
/// ML.NET's model zip inside a Stance model: the same loading rules as the outer file before ML.NET sees
/// it (ML.NET may unpack entries to a temporary folder, so a name that climbs out of it must never reach
/// it), and fixed entry times when written so equal models have equal bytes.
/// </summary>
public static class TreeModelBytes
{
    public const int MaxEntries = 1000;
    public const long MaxUnpackedBytes = 256L << 20;
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Why the bytes are not a safe model zip (names that escape, too many or too large entries, not a zip), or null.</summary>
    public static string? Problem(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries) return $"its trees hold {zip.Entries.Count} entries (at most {MaxEntries})";
            long total = 0;
            foreach (var e in zip.Entries)
            {
                if (!IsContained(e.FullName)) return $"its trees name an entry outside their folder (\"{Printable(e.FullName)}\")";
                total += e.Length;
                // Deflate expands at most ~1032:1; a declared size the compressed bytes cannot make is a lie.
                if (total > MaxUnpackedBytes || e.Length > e.CompressedLength * 1032 + 1024) return "its trees unpack to more than the size limit (corrupt or hostile file)";
            }
            return null;
        }
        catch (InvalidDataException) { return "its trees are not a readable zip (corrupt file)"; }
    }

    /// <summary>The same entries in the same order, each stamped with a fixed time.</summary>
    public static byte[] Normalize(byte[] bytes)
    {
        using var source = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var e in source.Entries)
            {
                var copy = target.CreateEntry(e.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = EntryTime;
                using var from = e.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        return output.ToArray();
    }

    private static bool IsContained(string name)
    {
        if (name.Length is 0 or > 260 || name.Any(char.IsControl) || name.Contains(':') || name[0] is '/' or '\\') return false;
        return name.Split('/', '\\').All(part => part is not ".." and not ".");
    }

    private static string Printable(string s) => new(s.Take(60).Select(ch => char.IsControl(ch) ? '?' : ch).ToArray());
}
