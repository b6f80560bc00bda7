using System.Text.RegularExpressions;
using Stance.Core.Evaluation;
using Stance.Core.Common;

/// <summary>One train/test split a peer is fitted and scored on: fold <see cref="Fold"/> of group <see cref="Group"/> ("" without groups).</summary>
public sealed record PeerSplit(string Group, int Fold, IReadOnlyList<string> TrainTexts, string[] TrainLabels, IReadOnlyList<string> TestTexts, string[] TestLabels)
{
    public static IReadOnlyList<PeerSplit> Load(PeerOptions o)
    {
        if (o.Train is not null)
        {
            var train = Read(o.Train, o);
            var test = Read(o.Test!, o);
            return [new PeerSplit("", 0, train.Texts, train.Labels[0], test.Texts, test.Labels[0])];
        }
        if (o.FoldsDir is not null) return FromFolder(o);
        return CrossValidation(o);
    }

    private static LabeledData Read(string path, PeerOptions o, string? group = null) =>
        LabeledData.Load(path, new LabeledDataSpec { TextColumn = o.Text, LabelColumns = [o.Label], GroupColumn = group });

    /// <summary>Every [group-]fold-N-test.csv in the folder with its fold-N-train.csv, ordered by group, then fold.</summary>
    private static IReadOnlyList<PeerSplit> FromFolder(PeerOptions o)
    {
        var pattern = new Regex(@"^(?:(?<group>.+)-)?fold-(?<fold>\d+)-test\.csv$");
        var splits = new List<PeerSplit>();
        foreach (var test in Directory.GetFiles(o.FoldsDir!, "*fold-*-test.csv"))
        {
            var m = pattern.Match(Path.GetFileName(test));
            if (!m.Success) continue;
            var train = Read(test[..^"-test.csv".Length] + "-train.csv", o);
            var held = Read(test, o);
            splits.Add(new PeerSplit(m.Groups["group"].Value, int.Parse(m.Groups["fold"].Value), train.Texts, train.Labels[0], held.Texts, held.Labels[0]));
        }
        if (splits.Count == 0) throw new ArgumentException($"{o.FoldsDir}: no [group-]fold-N-test.csv files");
        return splits.OrderBy(s => s.Group, StringComparer.Ordinal).ThenBy(s => s.Fold).ToList();
    }

    /// <summary>Stratified k-fold CV (Stance.Core's StratifiedKFold), within each value of the group column when one is given.</summary>
    private static IReadOnlyList<PeerSplit> CrossValidation(PeerOptions o)
    {
        var data = Read(o.Data!, o, o.Group);
        var splits = new List<PeerSplit>();
        var groups = data.Groups is { } g ? g.Distinct().Order(StringComparer.Ordinal).ToArray() : [""];
        foreach (var group in groups)
        {
            var rows = Enumerable.Range(0, data.Count).Where(r => data.Groups is null || data.Groups[r] == group).ToArray();
            var labels = rows.Select(r => data.Labels[0][r]).ToArray();
            var classes = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
            var y = labels.Select(l => Array.BinarySearch(classes, l, StringComparer.Ordinal)).ToArray();
            var folds = StratifiedKFold.Split(y, classes.Length, o.Folds, o.Seed).All();
            for (int f = 0; f < folds.Count; f++)
            {
                var (train, test) = folds[f];
                splits.Add(new PeerSplit(group, f + 1,
                    train.Select(i => data.Texts[rows[i]]).ToArray(), train.Select(i => labels[i]).ToArray(),
                    test.Select(i => data.Texts[rows[i]]).ToArray(), test.Select(i => labels[i]).ToArray()));
            }
        }
        return splits;
    }
}
