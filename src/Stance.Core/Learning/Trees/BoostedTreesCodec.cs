using System.Buffers.Binary;

namespace Stance.Core.Learning.Trees;

/// <summary>
/// Little-endian byte layout of a <see cref="BoostedTreesModel"/>:
///   "SGBT" u32 version, i32 classes, i32 dimension, i32 rounds, i32 usedFeatures, i32 nodes, i32 leaves
///   usedFeatures × i32 column                     (ascending, below dimension)
///   classes × f64 bias
///   rounds·classes × i32 leaves of each tree      (≥ 1; a tree has one node fewer than leaves)
///   nodes × (i32 used-feature index, f32 threshold, i32 left, i32 right)   (tree-local children)
///   leaves × f64 leaf value
/// The reader computes the exact length from the header and compares it with the bytes before it
/// allocates anything, then checks every index: each tree must be a proper binary tree (every child
/// above its parent, every node but the root and every leaf reached exactly once). Any inconsistency
/// gives null, never an exception.
/// </summary>
internal static class BoostedTreesCodec
{
    private const uint Magic = 0x54424753; // "SGBT"
    private const uint Version = 1;
    private const int HeaderBytes = 32;

    public static byte[] Write(BoostedTreesModel m)
    {
        int trees = m.NodeStart.Length - 1, nodes = m.SplitFeature.Length, leaves = m.LeafValues.Length;
        var bytes = new byte[Length(m.Classes, trees, m.FeatureColumns.Length, nodes, leaves)];
        var w = new Cursor(bytes);
        w.U32(Magic); w.U32(Version); w.I32(m.Classes); w.I32(m.Dimension); w.I32(m.Rounds);
        w.I32(m.FeatureColumns.Length); w.I32(nodes); w.I32(leaves);
        foreach (int c in m.FeatureColumns) w.I32(c);
        foreach (double b in m.Bias) w.F64(b);
        for (int t = 0; t < trees; t++) w.I32(m.NodeStart[t + 1] - m.NodeStart[t] + 1);
        for (int i = 0; i < nodes; i++) { w.I32(m.SplitFeature[i]); w.F32(m.SplitThreshold[i]); w.I32(m.LeftChild[i]); w.I32(m.RightChild[i]); }
        foreach (double v in m.LeafValues) w.F64(v);
        return bytes;
    }

    public static BoostedTreesModel? Read(byte[] bytes, int dimension)
    {
        if (bytes.Length < HeaderBytes) return null;
        var r = new Cursor(bytes);
        if (r.U32() != Magic || r.U32() != Version) return null;
        int classes = r.I32(), dim = r.I32(), rounds = r.I32(), used = r.I32(), nodes = r.I32(), leaves = r.I32();
        if (classes < 2 || dim != dimension || dim < 1 || rounds < 0 || used < 0 || used > dim || nodes < 0 || leaves < 0) return null;
        long trees = (long)rounds * classes;
        if (trees > bytes.Length || leaves != nodes + trees || bytes.Length != Length(classes, trees, used, nodes, leaves)) return null;

        var columns = new int[used];
        for (int i = 0; i < used; i++)
            if ((columns[i] = r.I32()) < 0 || columns[i] >= dim || (i > 0 && columns[i] <= columns[i - 1])) return null;
        var bias = new double[classes];
        for (int k = 0; k < classes; k++) if (!double.IsFinite(bias[k] = r.F64())) return null;
        var nodeStart = new int[trees + 1];
        for (int t = 0; t < trees; t++)
        {
            int treeLeaves = r.I32();
            if (treeLeaves < 1 || treeLeaves - 1 > nodes - nodeStart[t]) return null;
            nodeStart[t + 1] = nodeStart[t] + treeLeaves - 1;
        }
        if (nodeStart[trees] != nodes) return null;

        var feature = new int[nodes];
        var threshold = new float[nodes];
        var left = new int[nodes];
        var right = new int[nodes];
        for (int i = 0; i < nodes; i++)
        {
            feature[i] = r.I32(); threshold[i] = r.F32(); left[i] = r.I32(); right[i] = r.I32();
            if ((uint)feature[i] >= (uint)used || !float.IsFinite(threshold[i])) return null;
        }
        if (!ProperTrees(nodeStart, left, right)) return null;
        var leafValues = new double[leaves];
        for (int i = 0; i < leaves; i++) if (!double.IsFinite(leafValues[i] = r.F64())) return null;
        return new BoostedTreesModel(classes, dim, rounds, columns, bias, nodeStart, feature, threshold, left, right, leafValues);
    }

    private static long Length(int classes, long trees, int used, int nodes, long leaves) =>
        HeaderBytes + 4L * used + 8L * classes + 4L * trees + 16L * nodes + 8L * leaves;

    private static bool ProperTrees(int[] nodeStart, int[] left, int[] right)
    {
        var nodeSeen = new bool[left.Length];
        var leafSeen = new bool[left.Length + nodeStart.Length - 1];
        for (int t = 0; t + 1 < nodeStart.Length; t++)
        {
            int first = nodeStart[t], count = nodeStart[t + 1] - first, leafFirst = first + t;
            for (int i = 0; i < count; i++)
                if (!Claim(left[first + i], i) || !Claim(right[first + i], i)) return false;

            bool Claim(int child, int parent)
            {
                if (child >= 0)
                {
                    if (child <= parent || child >= count || nodeSeen[first + child]) return false;
                    nodeSeen[first + child] = true;
                }
                else
                {
                    if (~child > count || leafSeen[leafFirst + ~child]) return false;
                    leafSeen[leafFirst + ~child] = true;
                }
                return true;
            }
        }
        return true;
    }

    /// <summary>Reads or writes little-endian values at a moving position.</summary>
    private sealed class Cursor(byte[] bytes)
    {
        private int _at;
        public void U32(uint v) { BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(_at), v); _at += 4; }
        public void I32(int v) { BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(_at), v); _at += 4; }
        public void F32(float v) { BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(_at), v); _at += 4; }
        public void F64(double v) { BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(_at), v); _at += 8; }
        public uint U32() { var v = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(_at)); _at += 4; return v; }
        public int I32() { var v = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(_at)); _at += 4; return v; }
        public float F32() { var v = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(_at)); _at += 4; return v; }
        public double F64() { var v = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(_at)); _at += 8; return v; }
    }
}
