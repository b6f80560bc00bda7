using Stance.Core.Common;
/// <summary>The texts and labels the benchmarks work on, loaded once per process.</summary>
public static class Corpus
{
    private static readonly Lazy<LabeledData> Data = new(() =>
    {
        var path = Environment.GetEnvironmentVariable("STANCE_BENCH_CORPUS") ?? FindUp("data/stance.csv");
        return LabeledData.Load(path, "text", ["stance"]);
    });

    public static IReadOnlyList<string> Texts => Data.Value.Texts;

    public static int[] Labels()
    {
        var labels = Data.Value.Labels[0];
        var classes = labels.Distinct().Order(StringComparer.Ordinal).ToArray();
        return labels.Select(l => Array.BinarySearch(classes, l, StringComparer.Ordinal)).ToArray();
    }

    private static string FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException($"{relative} not found above {Directory.GetCurrentDirectory()}; set STANCE_BENCH_CORPUS");
    }
}
