using System.Numerics;
using System.Runtime.CompilerServices;

namespace Stance.Core.Features;

/// <summary>
/// MurmurHash3 x86_32 (Austin Appleby, public domain), written here so that feature ids are the same
/// on every run and machine. Text is hashed as its UTF-16 code units, two per 32-bit block, low unit
/// first — defined on the values, not on memory layout, so endianness never changes a hash.
/// </summary>
public static class MurmurHash3
{
    private const uint C1 = 0xcc9e2d51, C2 = 0x1b873593;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<char> text, uint seed)
    {
        uint h = seed;
        int pairs = text.Length / 2;
        for (int i = 0; i < pairs; i++)
            h = MixBlock(h, text[2 * i] | ((uint)text[2 * i + 1] << 16));
        if ((text.Length & 1) != 0)
            h ^= MixKey(text[^1]);
        return Finish(h, (uint)text.Length * 2);
    }

    /// <summary>Hashes a sequence of 32-bit values (used to combine token hashes into n-gram hashes).</summary>
    public static uint Hash(ReadOnlySpan<uint> blocks, uint seed)
    {
        uint h = seed;
        foreach (uint k in blocks) h = MixBlock(h, k);
        return Finish(h, (uint)blocks.Length * 4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint MixKey(uint k) => BitOperations.RotateLeft(k * C1, 15) * C2;

    /// <summary>One 32-bit block into the running hash (shared with the counter's n-gram loop).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint MixBlock(uint h, uint k)
    {
        h ^= MixKey(k);
        return BitOperations.RotateLeft(h, 13) * 5 + 0xe6546b64;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Finish(uint h, uint lengthInBytes)
    {
        h ^= lengthInBytes;
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
