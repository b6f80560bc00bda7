using System.Globalization;
using System.Text;
using Stance.Core.Evaluation;

/// <summary>
/// The <c>peers</c> mode of the bench program: fits one peer on every split (see <see cref="PeerOptions"/>),
/// in this process, and prints the figures bench_peers.sh reads:
/// <c>macro_f1</c> — per group, the macro-F1 of the pooled test rows of all its folds (one split: of its test rows),
/// then the mean over groups; <c>macro_f1_fold_mean</c> — the mean of the per-split figures;
/// <c>train_seconds</c> — fit time summed over splits; <c>docs_per_second</c> — test rows over scoring time summed.
/// </summary>
public static class PeersCommand
{
    public static int Run(string[] args)
    {
        PeerOptions options;
        try { options = PeerOptions.Parse(args); }
        catch (ArgumentException e) { Console.Error.WriteLine(e.Message); Console.Error.WriteLine(PeerOptions.Usage); return 2; }

        IPeer peer = options.Peer switch
        {
            "mlnet-sdca" => new MlNetTextPeer("sdca", options.Seed),
            "mlnet-lbfgs" => new MlNetTextPeer("lbfgs", options.Seed),
            "ours-rows-lbfgs" or "mlnet-rows-lbfgs" or "mlnet-rows-sdca" => new RowsPeer(options.Peer, options),
            _ => null!,
        };
        if (peer is null) { Console.Error.WriteLine($"unknown peer {options.Peer}"); Console.Error.WriteLine(PeerOptions.Usage); return 2; }

        var splits = PeerSplit.Load(options);
        Console.WriteLine($"peer: {options.Peer}: {peer.Description}");
        Console.WriteLine($"splits: {splits.Count}  groups: {splits.Select(s => s.Group).Distinct().Count()}  cores: {Environment.ProcessorCount}");
        double fit = 0, score = 0, prepare = 0;
        int testRows = 0;
        var foldF1 = new List<double>();
        var pooled = new Dictionary<string, (List<string> Gold, List<string> Predicted)>();
        var lines = new StringBuilder("group,fold,gold,predicted\n");
        foreach (var split in splits)
        {
            var r = peer.Run(split);
            fit += r.FitSeconds; score += r.ScoreSeconds; prepare += r.PrepareSeconds; testRows += split.TestTexts.Count;
            double f1 = MacroF1(split.TestLabels, r.Predicted);
            foldF1.Add(f1);
            if (!pooled.TryGetValue(split.Group, out var p)) pooled[split.Group] = p = ([], []);
            p.Gold.AddRange(split.TestLabels); p.Predicted.AddRange(r.Predicted);
            for (int i = 0; i < r.Predicted.Length; i++) lines.Append(Csv(split.Group)).Append(',').Append(split.Fold).Append(',').Append(Csv(split.TestLabels[i])).Append(',').Append(Csv(r.Predicted[i])).Append('\n');
            Console.WriteLine(FormattableString.Invariant($"  {(split.Group == "" ? "" : split.Group + " ")}fold {split.Fold}: train {split.TrainTexts.Count} test {split.TestTexts.Count}  fit {r.FitSeconds:F3} s  score {r.ScoreSeconds:F3} s  prepare {r.PrepareSeconds:F3} s  macro-F1 {f1:F4}  {r.Note}"));
        }
        if (options.Predictions is { } path) File.WriteAllText(path, lines.ToString());
        var groupF1 = pooled.ToDictionary(g => g.Key, g => MacroF1(g.Value.Gold, g.Value.Predicted));
        if (groupF1.Count > 1)
            foreach (var (g, f1) in groupF1.OrderBy(g => g.Key, StringComparer.Ordinal)) Console.WriteLine(FormattableString.Invariant($"  group {g}: pooled macro-F1 {f1:F4}"));
        Console.WriteLine(FormattableString.Invariant($"train_seconds: {fit:F3}"));
        Console.WriteLine(FormattableString.Invariant($"prepare_seconds: {prepare:F3}"));
        Console.WriteLine(FormattableString.Invariant($"predict_seconds: {score:F3}  docs_per_second: {testRows / Math.Max(score, 1e-9):F0}"));
        Console.WriteLine(FormattableString.Invariant($"macro_f1: {groupF1.Values.Average():F4}"));
        Console.WriteLine(FormattableString.Invariant($"macro_f1_fold_mean: {foldF1.Average():F4}"));
        return 0;
    }

    /// <summary>Macro-F1 over the labels found in either list (scikit-learn's f1_score(average="macro") with its default labels).</summary>
    public static double MacroF1(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var labels = gold.Concat(predicted).Distinct().Order(StringComparer.Ordinal).ToArray();
        int Index(string l) => Array.BinarySearch(labels, l, StringComparer.Ordinal);
        return ClassificationMetrics.MacroF1Of(gold.Select(Index).ToArray(), predicted.Select(Index).ToArray(), labels.Length);
    }

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
