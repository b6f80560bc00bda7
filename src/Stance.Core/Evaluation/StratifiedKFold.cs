using Stance.Core.Common;
using Stance.Core.Learning;

namespace Stance.Core.Evaluation;

/// <summary>
/// Stratified k-fold split: each class's rows are shuffled with the seed and dealt round-robin to the
/// folds (continuing where the previous class stopped), so every fold holds each class in proportion
/// and fold sizes differ by at most one.
/// </summary>
public sealed class StratifiedKFold
{
    private readonly int[] _foldOf;

    public int Folds { get; }

    private StratifiedKFold(int[] foldOf, int folds) { _foldOf = foldOf; Folds = folds; }

    public static StratifiedKFold Split(int[] y, int classes, int folds, ulong seed)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), "at least 2 folds");
        var rng = new SplitMix64(seed);
        var foldOf = new int[y.Length];
        int next = 0;
        for (int c = 0; c < classes; c++)
        {
            var rows = new List<int>();
            for (int i = 0; i < y.Length; i++) if (y[i] == c) rows.Add(i);
            rng.Shuffle(rows);
            foreach (int r in rows) { foldOf[r] = next; next = (next + 1) % folds; }
        }
        return new StratifiedKFold(foldOf, folds);
    }

    public IReadOnlyList<(List<int> Train, List<int> Test)> All() => Enumerable.Range(0, Folds).Select(Fold).ToList();

    /// <summary>Rows in ascending order: those outside fold f (train) and inside it (test).</summary>
    public (List<int> Train, List<int> Test) Fold(int f)
    {
        var train = new List<int>();
        var test = new List<int>();
        for (int i = 0; i < _foldOf.Length; i++) (_foldOf[i] == f ? test : train).Add(i);
        return (train, test);
    }
}
