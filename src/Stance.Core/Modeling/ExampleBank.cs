using System.Text;

namespace Stance.Core.Modeling;

/// <summary>
/// The training units of an encoder model with their labels (per head) and encoder vectors, kept in the
/// model so an explanation can name the nearest labeled examples (cosine of unit-length vectors). Vectors
/// are stored as 16-bit floats and texts cut to <see cref="MaxTextChars"/> characters: the bank is evidence
/// for a reader, not an input of the classifier.
///   examples.bin: "SEXB" u32 version, i32 count, i32 dimension, i32 heads,
///                 count × (dimension × f16 vector, heads × u16 label index, i32 byte length, UTF-8 text)
/// </summary>
public sealed class ExampleBank
{
    public const int MaxTextChars = 300;
    private const uint Magic = 0x42584553; // "SEXB"
    private const uint Version = 1;

    private readonly float[][] _vectors;
    private readonly string[] _texts;
    private readonly ushort[][] _labels;
    private readonly IReadOnlyList<IReadOnlyList<string>> _classes;

    /// <param name="classes">Per head, its classes; <paramref name="labels"/>[row][head] indexes them.</param>
    public ExampleBank(IReadOnlyList<string> texts, IReadOnlyList<ushort[]> labels, IReadOnlyList<float[]> vectors, IReadOnlyList<IReadOnlyList<string>> classes)
    {
        if (texts.Count != labels.Count || texts.Count != vectors.Count) throw new ArgumentException("one label set and one vector per text are needed");
        _texts = texts.Select(t => t.Length <= MaxTextChars ? t : t[..(MaxTextChars - 1)] + "…").ToArray();
        _labels = labels.ToArray();
        _vectors = vectors.Select(v => v.Select(x => (float)(Half)x).ToArray()).ToArray();   // what the file keeps
        _classes = classes;
    }

    /// <summary>The <paramref name="k"/> examples nearest to a unit-length vector, most similar first (ties by row).</summary>
    public IReadOnlyList<Neighbor> Nearest(float[] vector, int k)
    {
        var scored = new (double Cosine, int Row)[_vectors.Length];
        for (int r = 0; r < _vectors.Length; r++)
        {
            double dot = 0;
            var v = _vectors[r];
            for (int d = 0; d < v.Length; d++) dot += (double)v[d] * vector[d];
            scored[r] = (dot, r);
        }
        return scored.OrderByDescending(s => s.Cosine).ThenBy(s => s.Row).Take(k)
            .Select(s => new Neighbor(_texts[s.Row], _labels[s.Row].Select((c, h) => _classes[h][c]).ToList(), Math.Round(s.Cosine, 4))).ToList();
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            int dimension = _vectors.Length == 0 ? 0 : _vectors[0].Length;
            w.Write(Magic); w.Write(Version); w.Write(_texts.Length); w.Write(dimension); w.Write(_classes.Count);
            for (int r = 0; r < _texts.Length; r++)
            {
                foreach (float x in _vectors[r]) w.Write(BitConverter.HalfToUInt16Bits((Half)x));
                foreach (ushort c in _labels[r]) w.Write(c);
                var bytes = Encoding.UTF8.GetBytes(_texts[r]);
                w.Write(bytes.Length);
                w.Write(bytes);
            }
        }
        return ms.ToArray();
    }

    /// <summary>Reads a bank; null on any inconsistency (counts are checked against the bytes present before allocating).</summary>
    public static ExampleBank? FromBytes(byte[] bytes, int dimension, IReadOnlyList<IReadOnlyList<string>> classes)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (bytes.Length < 20 || r.ReadUInt32() != Magic || r.ReadUInt32() != Version) return null;
            int count = r.ReadInt32();
            if (r.ReadInt32() != dimension || r.ReadInt32() != classes.Count) return null;
            long least = (long)count * (2L * dimension + 2L * classes.Count + 4);
            if (count < 0 || least > bytes.Length - 20) return null;
            var texts = new string[count];
            var labels = new ushort[count][];
            var vectors = new float[count][];
            for (int i = 0; i < count; i++)
            {
                var v = vectors[i] = new float[dimension];
                for (int d = 0; d < dimension; d++)
                    if (!float.IsFinite(v[d] = (float)BitConverter.UInt16BitsToHalf(r.ReadUInt16()))) return null;
                var l = labels[i] = new ushort[classes.Count];
                for (int h = 0; h < l.Length; h++)
                    if ((l[h] = r.ReadUInt16()) >= classes[h].Count) return null;
                int length = r.ReadInt32();
                if (length < 0 || length > 4 * MaxTextChars || length > bytes.Length - r.BaseStream.Position) return null;
                texts[i] = Encoding.UTF8.GetString(r.ReadBytes(length));
            }
            return r.BaseStream.Position == bytes.Length ? new ExampleBank(texts, labels, vectors, classes) : null;
        }
        catch (EndOfStreamException) { return null; }
    }
}
