namespace Stance.Core.Features;

/// <summary>The names users type and the manifest stores.</summary>
public static class FeatureSets
{
    public static readonly string[] Names = ["ngrams", "encoder", "both"];

    public static string Name(this FeatureSet set) => Names[(int)set];

    /// <summary>
    /// Up to this many training rows the default ("auto") adds the sentence encoder to the n-grams: it read
    /// real text better in the bench but costs ~8 ms of CPU a text (docs/benchmarks.md), about 1.5 minutes
    /// on 2 cores at this size; larger sets train on n-grams unless asked.
    /// </summary>
    public const int AutoEncoderRowLimit = 20_000;

    /// <summary>What "auto" means for a training set of this many rows, and why, in words for the user.</summary>
    public static (FeatureSet Set, string Reason) Auto(int rows) => rows <= AutoEncoderRowLimit
        ? (FeatureSet.Both, $"auto: {rows:N0} rows ≤ {AutoEncoderRowLimit:N0}, so the sentence encoder is added to the n-grams")
        : (FeatureSet.Ngrams, $"auto: {rows:N0} rows > {AutoEncoderRowLimit:N0}, n-grams only (the encoder would add ~{rows * 0.008 / Math.Max(1, Environment.ProcessorCount) / 60:F0} min; --features both to use it)");

    public static FeatureSet Parse(string name) => Array.IndexOf(Names, name) is int i and >= 0
        ? (FeatureSet)i
        : throw new ArgumentException($"unknown feature set \"{name}\" (expected {string.Join(", ", Names)})");
}
