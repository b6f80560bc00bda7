namespace Stance.Core.Learning.Trees;

/// <summary>
/// A tree as grown on binned data: node i sends a row left when its bin of Feature[i] is ≤ Bin[i].
/// Children ≥ 0 are nodes, children &lt; 0 are leaves (~child). Nodes are numbered in creation order, so
/// a child's number is always above its parent's.
/// </summary>
internal sealed class GrownTree
{
    public int NodeCount { get; private set; }
    public int LeafCount => NodeCount + 1;
    public int[] Feature { get; }
    public int[] Bin { get; }
    public int[] Left { get; }
    public int[] Right { get; }
    public double[] LeafValue { get; }

    public GrownTree(int maxLeaves)
    {
        Feature = new int[maxLeaves - 1];
        Bin = new int[maxLeaves - 1];
        Left = new int[maxLeaves - 1];
        Right = new int[maxLeaves - 1];
        LeafValue = new double[maxLeaves];
    }

    /// <summary>Splits leaf l (reached from node parent, or the root when −1) into leaves l (left) and r (right).</summary>
    public int Split(int parent, int l, int r, int feature, int bin)
    {
        int node = NodeCount++;
        Feature[node] = feature; Bin[node] = bin; Left[node] = ~l; Right[node] = ~r;
        if (parent >= 0)
        {
            if (Left[parent] == ~l) Left[parent] = node; else Right[parent] = node;
        }
        return node;
    }

    public int LeafOf(BinnedRows rows, int row)
    {
        if (NodeCount == 0) return 0;
        int node = 0;
        while (true)
        {
            int next = rows.BinOf(row, Feature[node]) <= Bin[node] ? Left[node] : Right[node];
            if (next < 0) return ~next;
            node = next;
        }
    }
}
