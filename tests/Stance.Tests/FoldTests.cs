using Stance.Core.Evaluation;

namespace Stance.Tests;

public class FoldTests
{
    [Fact]
    public void StratifiedFoldsKeepClassProportionsAndCoverEveryRowOnce()
    {
        int[] y = [.. Enumerable.Repeat(0, 50), .. Enumerable.Repeat(1, 30), .. Enumerable.Repeat(2, 20)];
        var split = StratifiedKFold.Split(y, 3, 5, 42);
        var seen = new int[y.Length];
        for (int f = 0; f < 5; f++)
        {
            var (train, test) = split.Fold(f);
            Assert.Equal(y.Length, train.Count + test.Count);
            foreach (int r in test) seen[r]++;
            Assert.Equal(10, test.Count(r => y[r] == 0));
            Assert.Equal(6, test.Count(r => y[r] == 1));
            Assert.Equal(4, test.Count(r => y[r] == 2));
        }
        Assert.All(seen, s => Assert.Equal(1, s));
        Assert.Equal(split.Fold(2).Test, StratifiedKFold.Split(y, 3, 5, 42).Fold(2).Test);
        Assert.NotEqual(split.Fold(2).Test, StratifiedKFold.Split(y, 3, 5, 43).Fold(2).Test);
    }

    [Fact]
    public void GroupFoldsNeverSplitAGroupAndNeverTestTheAlwaysTrainGroup()
    {
        string[] groups = ["a", "a", "b", "authored", "c", "c", "c", "d", "authored", "e", "b"];
        var folds = GroupKFold.Split(groups, 10, "authored");
        Assert.Equal(5, folds.Count);                                   // one per real group: leave-one-group-out
        var tested = folds.SelectMany(f => f.Test).ToList();
        Assert.Equal(tested.Count, tested.Distinct().Count());
        Assert.Equal(9, tested.Count);
        foreach (var (train, test) in folds)
        {
            Assert.Single(test.Select(i => groups[i]).Distinct());
            Assert.Empty(train.Intersect(test));
            Assert.Contains(3, train);
            Assert.Contains(8, train);
            Assert.DoesNotContain(train, i => groups[i] == groups[test[0]]);
        }
        var two = GroupKFold.Split(groups, 2, null);
        Assert.Equal(2, two.Count);
        foreach (var (_, test) in two)
            foreach (var g in test.Select(i => groups[i]).Distinct())
                Assert.Equal(groups.Count(x => x == g), test.Count(i => groups[i] == g));
        Assert.Throws<ArgumentException>(() => GroupKFold.Split(["x", "authored"], 5, "authored"));
    }
}
