namespace Stance.Core.Learning.Trees;

/// <summary>
/// Turns trees grown on bins into a <see cref="BoostedTreesModel"/>: bin tests become value thresholds
/// (bin ≤ b exactly when value ≤ the bin's upper bound) and features are renumbered over the columns
/// the kept trees actually test.
/// </summary>
internal static class ModelAssembly
{
    public static BoostedTreesModel Build(IReadOnlyList<GrownTree[]> rounds, int keptRounds, BinLayout layout, double[] bias)
    {
        int classes = bias.Length, trees = keptRounds * classes;
        var used = new bool[layout.FeatureCount];
        var usedIndex = new int[layout.FeatureCount];
        int nodes = 0;
        for (int t = 0; t < trees; t++)
        {
            var tree = rounds[t / classes][t % classes];
            for (int i = 0; i < tree.NodeCount; i++) used[tree.Feature[i]] = true;
            nodes += tree.NodeCount;
        }
        // Compact features ascend with their columns, so the used columns come out ascending.
        var columns = new List<int>();
        for (int f = 0; f < used.Length; f++)
        {
            if (!used[f]) continue;
            usedIndex[f] = columns.Count;
            columns.Add(layout.Column[f]);
        }

        var nodeStart = new int[trees + 1];
        var feature = new int[nodes];
        var threshold = new float[nodes];
        var left = new int[nodes];
        var right = new int[nodes];
        var leafValues = new double[nodes + trees];
        for (int t = 0; t < trees; t++)
        {
            var tree = rounds[t / classes][t % classes];
            int first = nodeStart[t];
            for (int i = 0; i < tree.NodeCount; i++)
            {
                feature[first + i] = usedIndex[tree.Feature[i]];
                threshold[first + i] = layout.Threshold(tree.Feature[i], tree.Bin[i]);
                left[first + i] = tree.Left[i];
                right[first + i] = tree.Right[i];
            }
            Array.Copy(tree.LeafValue, 0, leafValues, first + t, tree.LeafCount);
            nodeStart[t + 1] = first + tree.NodeCount;
        }
        return new BoostedTreesModel(classes, layout.Dimension, keptRounds, columns.ToArray(), (double[])bias.Clone(),
            nodeStart, feature, threshold, left, right, leafValues);
    }
}
