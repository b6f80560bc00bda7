using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Modeling;

/// <summary>
/// Little-endian binary layouts of the model's arrays. Readers return null on any inconsistency and
/// check every count against the bytes present before allocating.
///   idf.bin:    "SIDF" u32 version, i32 dimension, i32 count, count × (i32 feature, f32 idf)
///   head-N.bin: "SHED" u32 version, i32 classes, i32 dimension, classes × f32 bias, i32 count,
///               count × (i32 feature, classes × f32 weight)      (features ascending, no repeats)
/// </summary>
internal static class BinaryCodec
{
    private const uint IdfMagic = 0x46444953;  // "SIDF"
    private const uint HeadMagic = 0x44454853; // "SHED"
    private const uint Version = 1;

    public static byte[] WriteIdf(float[] idf)
    {
        int count = idf.Count(v => v != 0);
        var w = new Writer(16 + 8 * count);
        w.U32(IdfMagic); w.U32(Version); w.I32(idf.Length); w.I32(count);
        for (int f = 0; f < idf.Length; f++) if (idf[f] != 0) { w.I32(f); w.F32(idf[f]); }
        return w.Bytes;
    }

    public static float[]? ReadIdf(byte[] bytes, int dimension)
    {
        var r = new Reader(bytes);
        if (!r.Has(16) || r.U32() != IdfMagic || r.U32() != Version || r.I32() != dimension) return null;
        int count = r.I32();
        if (count < 0 || count > dimension || bytes.Length != 16 + 8L * count) return null;
        var idf = new float[dimension];
        var pairs = Words(bytes, 16);
        int last = -1;
        for (int i = 0; i < count; i++)
        {
            int f = pairs[2 * i];
            float v = BitConverter.Int32BitsToSingle(pairs[2 * i + 1]);
            if (f <= last || f >= dimension || !float.IsFinite(v) || v <= 0) return null;
            idf[f] = v;
            last = f;
        }
        return idf;
    }

    public static byte[] WriteHead(LinearModel m)
    {
        int K = m.Classes;
        var (used, rows) = m.NonZeroRows();
        var w = new Writer(20 + 4 * K + used.Length * (4 + 4 * K));
        w.U32(HeadMagic); w.U32(Version); w.I32(K); w.I32(m.Dimension);
        foreach (float b in m.Bias) w.F32(b);
        w.I32(used.Length);
        for (int i = 0; i < used.Length; i++)
        {
            w.I32(used[i]);
            for (int k = 0; k < K; k++) w.F32(rows[(long)i * K + k]);
        }
        return w.Bytes;
    }

    /// <summary>Reads a head into a model that holds only its non-zero rows (the dense array is built only if asked for).</summary>
    public static LinearModel? ReadHead(byte[] bytes, int classes, int dimension, double lambda)
    {
        var r = new Reader(bytes);
        if (!r.Has(16) || r.U32() != HeadMagic || r.U32() != Version || r.I32() != classes || r.I32() != dimension) return null;
        if (!r.Has(4L * classes + 4)) return null;
        var bias = new float[classes];
        for (int k = 0; k < classes; k++) if (!float.IsFinite(bias[k] = r.F32())) return null;
        int count = r.I32();
        if (count < 0 || count > dimension || bytes.Length != 20 + 4L * classes + (long)count * (4 + 4 * classes)) return null;
        var features = new int[count];
        var rows = new float[(long)count * classes];
        var words = Words(bytes, 20 + 4 * classes);
        int last = -1, at = 0;
        for (int i = 0; i < count; i++)
        {
            int f = words[at++];
            if (f <= last || f >= dimension) return null;
            features[i] = f;
            for (int k = 0; k < classes; k++)
                if (!float.IsFinite(rows[(long)i * classes + k] = BitConverter.Int32BitsToSingle(words[at++]))) return null;
            last = f;
        }
        return new LinearModel(classes, dimension, features, rows, bias, lambda);
    }

    /// <summary>The bytes from <paramref name="offset"/> on as little-endian 32-bit words, read in place (copied and swapped only on a big-endian machine).</summary>
    private static ReadOnlySpan<int> Words(byte[] bytes, int offset)
    {
        var words = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(offset));
        if (BitConverter.IsLittleEndian) return words;
        var swapped = new int[words.Length];
        BinaryPrimitives.ReverseEndianness(words, swapped);
        return swapped;
    }

    private sealed class Writer(int capacity)
    {
        private readonly byte[] _bytes = new byte[capacity];
        private int _at;
        public byte[] Bytes => _at == _bytes.Length ? _bytes : throw new InvalidOperationException("size mismatch");
        public void U32(uint v) { BinaryPrimitives.WriteUInt32LittleEndian(_bytes.AsSpan(_at), v); _at += 4; }
        public void I32(int v) { BinaryPrimitives.WriteInt32LittleEndian(_bytes.AsSpan(_at), v); _at += 4; }
        public void F32(float v) { BinaryPrimitives.WriteSingleLittleEndian(_bytes.AsSpan(_at), v); _at += 4; }
    }

    private sealed class Reader(byte[] bytes)
    {
        private int _at;
        public bool Has(long n) => _at + n <= bytes.Length;
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint U32() { var v = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(_at)); _at += 4; return v; }
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int I32() { var v = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(_at)); _at += 4; return v; }
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public float F32() { var v = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(_at)); _at += 4; return v; }
    }
}
