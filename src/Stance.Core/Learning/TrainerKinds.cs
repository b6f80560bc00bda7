namespace Stance.Core.Learning;

/// <summary>The names users type and the manifest stores.</summary>
public static class TrainerKinds
{
    public static readonly string[] Names = ["auto", "linear", "nb-linear", "fasttree", "lightgbm", "ensemble"];

    public static string Name(this TrainerKind kind) => Names[(int)kind];

    /// <summary>The kind of this name, or null when it names none.</summary>
    public static TrainerKind? TryParse(string? name) => Array.IndexOf(Names, name) is int i and >= 0 ? (TrainerKind)i : null;

    public static TrainerKind Parse(string name) =>
        TryParse(name) ?? throw new ArgumentException($"unknown trainer \"{name}\" (expected one of: {string.Join(", ", Names)})");

    /// <summary>Trainers whose head is one linear model, fitted straight from the column layout.</summary>
    public static bool IsLinearOnly(this TrainerKind kind) => kind is TrainerKind.Linear or TrainerKind.NaiveBayesLinear;

    /// <summary>Trainers whose stored head holds ML.NET trees.</summary>
    public static bool HasTrees(this TrainerKind kind) => kind is TrainerKind.FastTree or TrainerKind.LightGbm or TrainerKind.Ensemble;
}
