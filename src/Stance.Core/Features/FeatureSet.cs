namespace Stance.Core.Features;

/// <summary>What a model reads from a text: hashed word and character n-grams (TF-IDF), the pretrained
/// sentence encoder's vector, or both side by side in one feature space.</summary>
public enum FeatureSet
{
    Ngrams,
    Encoder,
    Both,
}

/// <summary>The names users type and the manifest stores.</summary>
public static class FeatureSets
{
    public static readonly string[] Names = ["ngrams", "encoder", "both"];

    public static string Name(this FeatureSet set) => Names[(int)set];

    public static FeatureSet Parse(string name) => Array.IndexOf(Names, name) is int i and >= 0
        ? (FeatureSet)i
        : throw new ArgumentException($"unknown feature set \"{name}\" (expected {string.Join(", ", Names)})");
}
