namespace Stance.Core.Features;

/// <summary>What a model reads from a text: hashed word and character n-grams (TF-IDF), the pretrained
/// sentence encoder's vector, or both side by side in one feature space.</summary>
public enum FeatureSet
{
    Ngrams,
    Encoder,
    Both,
}
