namespace Stance.Core.Evaluation;

/// <summary>
/// Folds that never split a group (e.g. all units of one article stay together). Groups are dealt
/// largest first to the fold with the fewest rows so far (scikit-learn's GroupKFold); with as many
/// folds as groups this is leave-one-group-out. Rows of the <c>alwaysTrain</c> group are in every
/// training set and never tested — e.g. authored rows when measuring on real articles.
/// </summary>
public static class GroupKFold
{
    public static IReadOnlyList<(List<int> Train, List<int> Test)> Split(IReadOnlyList<string> groups, int folds, string? alwaysTrain)
    {
        var sizes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var g in groups) if (g != alwaysTrain) sizes[g] = sizes.GetValueOrDefault(g) + 1;
        if (sizes.Count < 2) throw new ArgumentException($"grouped cross-validation needs at least 2 groups to hold out, found {sizes.Count}");
        int k = Math.Min(folds, sizes.Count);
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var load = new int[k];
        foreach (var (group, size) in sizes.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            int lightest = 0;
            for (int f = 1; f < k; f++) if (load[f] < load[lightest]) lightest = f;
            foldOf[group] = lightest;
            load[lightest] += size;
        }
        var result = new List<(List<int>, List<int>)>();
        for (int f = 0; f < k; f++)
        {
            var train = new List<int>();
            var test = new List<int>();
            for (int i = 0; i < groups.Count; i++)
                (groups[i] != alwaysTrain && foldOf[groups[i]] == f ? test : train).Add(i);
            result.Add((train, test));
        }
        return result;
    }
}
