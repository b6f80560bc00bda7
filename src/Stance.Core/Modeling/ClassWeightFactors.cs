using System.Globalization;
using Stance.Core.Common;

namespace Stance.Core.Modeling;

/// <summary>Matches the given <see cref="ClassWeightFactor"/>s to the heads' classes, once, before any fit.</summary>
public static class ClassWeightFactors
{
    /// <summary>
    /// One factor per head and class it applies to, in head then class order, each naming its head. A factor
    /// that matches nothing, or two for the same class of a head, is bad input (one line, before any training).
    /// </summary>
    public static IReadOnlyList<ClassWeightFactor> Resolve(IReadOnlyList<ClassWeightFactor> given, IReadOnlyList<(string Label, string[] Classes)> heads)
    {
        var resolved = new Dictionary<(string Head, string Label), ClassWeightFactor>();
        foreach (var f in given)
        {
            if (!double.IsFinite(f.Factor) || f.Factor <= 0) throw new InputException($"--class-weight {f}: expected a factor above 0");
            var targets = heads.Where(h => f.Head is null ? h.Classes.Contains(f.Label) : h.Label == f.Head).ToList();
            if (f.Head is not null && targets.Count == 0)
                throw new InputException($"--class-weight {f}: no label column \"{f.Head}\" (label columns: {string.Join(", ", heads.Select(h => h.Label))})");
            if (f.Head is not null && !targets[0].Classes.Contains(f.Label))
                throw new InputException($"--class-weight {f}: column \"{f.Head}\" has no class \"{f.Label}\" (classes: {string.Join(", ", targets[0].Classes)})");
            if (targets.Count == 0)
                throw new InputException($"--class-weight {f}: no label column has a class \"{f.Label}\" ({string.Join("; ", heads.Select(h => $"{h.Label}: {string.Join(", ", h.Classes)}"))})");
            foreach (var (head, _) in targets)
                if (!resolved.TryAdd((head, f.Label), f with { Head = head }))
                    throw new InputException($"--class-weight {f}: class \"{f.Label}\" of column \"{head}\" already has a factor ({resolved[(head, f.Label)]})");
        }
        return [.. heads.SelectMany(h => h.Classes.Where(c => resolved.ContainsKey((h.Label, c))).Select(c => resolved[(h.Label, c)]))];
    }

    /// <summary>The factor of each of a head's classes (1 where none is given), or null when none is given for the head.</summary>
    public static double[]? PerClass(IReadOnlyList<ClassWeightFactor> resolved, string head, IReadOnlyList<string> classes)
    {
        var mine = resolved.Where(f => f.Head == head).ToList();
        if (mine.Count == 0) return null;
        return [.. classes.Select(c => mine.FirstOrDefault(f => f.Label == c)?.Factor ?? 1.0)];
    }

    /// <summary>"stance: neutral ×3; sentiment: neutral ×3" for Train's summary.</summary>
    public static string Summary(IReadOnlyList<ClassWeightFactor> resolved) =>
        string.Join("; ", resolved.GroupBy(f => f.Head).Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => $"{f.Label} ×{f.Factor.ToString(CultureInfo.InvariantCulture)}"))}"));
}
