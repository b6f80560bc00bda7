using System.Buffers;

namespace Stance.Core.Learning.Trees;

/// <summary>
/// A fitted boosted-trees classifier: class k's score is Bias[k] plus the outputs of trees k, K+k,
/// 2K+k, …; probabilities are the softmax of the scores. A node sends a row left when the row's value of
/// its feature is ≤ its threshold, a feature the row does not store counting as 0. All trees live in
/// flat arrays: tree t owns nodes NodeStart[t]..NodeStart[t+1]−1 and, as every tree has one leaf more
/// than nodes, leaves NodeStart[t]+t onwards; children are tree-local, ≥ 0 a node, &lt; 0 leaf ~child.
/// Node features index <see cref="UsedFeatures"/>, so scoring first spreads a row over those columns only.
/// </summary>
public sealed class BoostedTreesModel
{
    private const int StackFeatures = 1024;

    public int Classes { get; }
    /// <summary>Size of the feature space the model reads (columns beyond it are ignored).</summary>
    public int Dimension { get; }
    /// <summary>Boosting rounds kept (after early stopping); the model holds Rounds × Classes trees.</summary>
    public int Rounds { get; }
    /// <summary>The columns some split tests, ascending.</summary>
    public IReadOnlyList<int> UsedFeatures => FeatureColumns;

    internal int[] FeatureColumns { get; }
    internal double[] Bias { get; }
    internal int[] NodeStart { get; }
    internal int[] SplitFeature { get; }
    internal float[] SplitThreshold { get; }
    internal int[] LeftChild { get; }
    internal int[] RightChild { get; }
    internal double[] LeafValues { get; }

    /// <summary>Trusts its arguments: they come from the trainer or from a validated byte layout.</summary>
    internal BoostedTreesModel(int classes, int dimension, int rounds, int[] featureColumns, double[] bias, int[] nodeStart,
        int[] splitFeature, float[] splitThreshold, int[] leftChild, int[] rightChild, double[] leafValues)
    {
        Classes = classes; Dimension = dimension; Rounds = rounds; FeatureColumns = featureColumns; Bias = bias;
        NodeStart = nodeStart; SplitFeature = splitFeature; SplitThreshold = splitThreshold;
        LeftChild = leftChild; RightChild = rightChild; LeafValues = leafValues;
    }

    /// <summary>Raw class scores of one sparse row (columns need not be sorted).</summary>
    public void Scores(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<double> scores)
    {
        if (columns.Length != values.Length) throw new ArgumentException("columns and values differ in length");
        if (scores.Length != Classes) throw new ArgumentException($"expected {Classes} scores, got {scores.Length}");
        int used = FeatureColumns.Length;
        float[]? rented = null;
        Span<float> row = used <= StackFeatures ? stackalloc float[StackFeatures] : (rented = ArrayPool<float>.Shared.Rent(used));
        row = row[..used];
        row.Clear();
        for (int j = 0; j < columns.Length; j++)
        {
            int at = FeatureColumns.AsSpan().BinarySearch(columns[j]);
            if (at >= 0) row[at] = values[j];
        }
        Bias.AsSpan().CopyTo(scores);
        int trees = NodeStart.Length - 1;
        for (int t = 0; t < trees; t++) scores[t % Classes] += TreeOutput(t, row);
        if (rented != null) ArrayPool<float>.Shared.Return(rented);
    }

    /// <summary>Class probabilities of one sparse row (sum to 1).</summary>
    public void PredictProbabilities(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<double> probabilities)
    {
        Scores(columns, values, probabilities);
        Softmax.InPlace(probabilities);
    }

    public byte[] ToBytes() => BoostedTreesCodec.Write(this);

    /// <summary>The model in bytes from <see cref="ToBytes"/>, or null when they are not a consistent model of this dimension.</summary>
    public static BoostedTreesModel? FromBytes(byte[] bytes, int dimension) => BoostedTreesCodec.Read(bytes, dimension);

    private double TreeOutput(int t, ReadOnlySpan<float> row)
    {
        int first = NodeStart[t], leaves = first + t;
        if (NodeStart[t + 1] == first) return LeafValues[leaves];
        int node = 0;
        while (true)
        {
            int at = first + node;
            int next = row[SplitFeature[at]] <= SplitThreshold[at] ? LeftChild[at] : RightChild[at];
            if (next < 0) return LeafValues[leaves + ~next];
            node = next;
        }
    }
}
