using System.IO.Compression;
using Stance.Core.Common;

namespace Stance.Core.Modeling;

/// <summary>
/// The zip-level half of loading a model file, trusting nothing: the end-of-central-directory record read
/// before the zip library sees the file, entries read under a cap that grows only with the bytes that
/// arrive, plain entry names, and messages that quote the file's text safely on one line.
/// </summary>
internal static class ModelZip
{
    /// <summary>
    /// Reads the zip's end-of-central-directory record before the zip library does: a file that is not a
    /// zip, a truncated one, or one declaring more entries than a model has is refused here.
    /// </summary>
    public static void CheckDirectory(Stream stream, string name)
    {
        long length = stream.Length;
        if (length == 0) throw Bad(name, "the file is empty");
        stream.Position = 0;
        Span<byte> head = stackalloc byte[4];
        int got = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        bool zip = got == 4 && head[0] == 'P' && head[1] == 'K' && (head[2], head[3]) is (3, 4) or (5, 6);
        if (!zip) throw Bad(name, "not a Stance model (not a zip archive)");
        int tail = (int)Math.Min(length, 22 + 0xFFFF);
        var buffer = new byte[tail];
        stream.Position = length - tail;
        stream.ReadExactly(buffer);
        int at = -1;
        for (int i = tail - 22; i >= 0; i--)
            if (buffer[i] == 0x50 && buffer[i + 1] == 0x4B && buffer[i + 2] == 5 && buffer[i + 3] == 6) { at = i; break; }
        if (at < 0) throw Bad(name, "the file is truncated (the zip directory at its end is missing); was the copy or download complete?");
        int count = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(at + 10));
        long dirSize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at + 12));
        long dirOffset = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(at + 16));
        if (count > ModelFile.MaxEntries)
            throw Bad(name, $"the zip holds {(count == 0xFFFF ? "65535 or more" : count.ToString())} entries; a Stance model has at most {ModelFile.MaxEntries}");
        if (dirOffset + dirSize > length - tail + at)
            throw Bad(name, "the file is truncated or corrupt (the zip directory points past the end of the file)");
        stream.Position = 0;
    }

    /// <summary>
    /// Reads an entry, at most <paramref name="limit"/> bytes (exactly that many when <paramref name="exact"/>).
    /// Declared sizes are only compared, never trusted for allocation: the buffer grows with the bytes
    /// that actually arrive, so a zip bomb or a lying size stops at the cap — except for a stored entry of
    /// the exact size expected, whose bytes the file itself holds. The CRC-32 is checked when asked (entries
    /// with a SHA-256 in the manifest skip it: that check is stronger).
    /// </summary>
    public static byte[] ReadEntry(ZipArchiveEntry entry, long limit, bool exact, string name, bool checkCrc = true)
    {
        string n = entry.FullName;
        if (entry.Length > limit || exact && entry.Length != limit)
            throw Bad(name, $"entry \"{n}\" has {entry.Length} bytes, {(exact ? "the manifest says " + limit : "above the limit of " + limit)}");
        // Deflate expands at most ~1032:1; a declared size the compressed bytes cannot produce is a lie.
        if (entry.Length > MemoryBudget.Add(MemoryBudget.Multiply(entry.CompressedLength, 1032), 1024))
            throw Bad(name, $"entry \"{n}\" declares {entry.Length} bytes from only {entry.CompressedLength} compressed (corrupt file)");
        // Start small (the declared size, within 4 KB..1 MB) and grow only as bytes arrive — a stored entry of
        // the expected size is read into one buffer of that size (its bytes are in the file, not inflated).
        bool stored = exact && entry.CompressedLength == entry.Length;
        var buffer = new byte[stored ? (int)limit : (int)Math.Min(limit, Math.Clamp(entry.Length, 4096, 1 << 20))];
        int filled = 0;
        using (var s = entry.Open())
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (filled >= limit)
                    {
                        if (s.ReadByte() >= 0) throw Bad(name, $"entry \"{n}\" decompresses to more than {limit} bytes (corrupt or hostile file)");
                        break;
                    }
                    Array.Resize(ref buffer, (int)Math.Min(limit, Math.Min((long)buffer.Length * 2, Array.MaxLength)));
                }
                int read = s.Read(buffer, filled, buffer.Length - filled);
                if (read == 0) break;
                filled += read;
            }
        }
        if (exact && filled != limit) throw Bad(name, $"entry \"{n}\" has {filled} bytes, the manifest says {limit} (truncated or corrupt file)");
        if (filled != buffer.Length) Array.Resize(ref buffer, filled);
        if (checkCrc && System.IO.Hashing.Crc32.HashToUInt32(buffer) != entry.Crc32) throw Bad(name, $"entry \"{n}\" fails its CRC-32 check (corrupt file)");
        return buffer;
    }

    public static bool IsPlainName(string n) =>
        n.Length is > 0 and <= 64 && !n.Contains('/') && !n.Contains('\\') && !n.Contains("..") && !n.Contains(':') && !n.Any(char.IsControl);

    /// <summary>Text from the file, safe to put in a one-line message: control characters replaced, length capped.</summary>
    public static string Printable(string? s, int max = 60)
    {
        if (s is null) return "null";
        var chars = s.Select(ch => char.IsControl(ch) ? '?' : ch).ToArray();
        return chars.Length <= max ? new string(chars) : new string(chars, 0, max) + "…";
    }

    public static InputException Bad(string path, string message) => new($"{path}: {message}");
}
