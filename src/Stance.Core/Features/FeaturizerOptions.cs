namespace Stance.Core.Features;

/// <summary>
/// Settings of the text featurizer; they are written to the model manifest and read back exactly.
/// Word n-grams hash into the lower half of the feature space, character n-grams into the upper
/// half, so each block can be L2-normalized on its own (as scikit-learn's FeatureUnion of two
/// TfidfVectorizers does). With the sentence encoder, its vector takes the
/// <see cref="EncoderDimension"/> columns after the two n-gram blocks, each value times
/// <see cref="EncoderWeight"/> (the vector is already unit length, so it is not normalized again).
/// </summary>
public sealed record FeaturizerOptions
{
    public int WordNgramMax { get; init; } = 3;
    /// <summary>0–0: no character n-grams (the upper block stays empty).</summary>
    public int CharNgramMin { get; init; } = 2;
    public int CharNgramMax { get; init; } = 5;
    /// <summary>Each block has 2^HashBits buckets.</summary>
    public int HashBits { get; init; } = 20;
    /// <summary>Features seen in fewer training rows than this get no weight.</summary>
    public int WordMinDf { get; init; } = 1;
    public int CharMinDf { get; init; } = 2;
    public bool SublinearTf { get; init; } = true;

    public FeatureSet Features { get; init; } = FeatureSet.Ngrams;
    /// <summary>Scale of the encoder block next to the unit-length word and character blocks.</summary>
    public float EncoderWeight { get; init; } = DefaultEncoderWeight;

    /// <summary>Chosen on data/dev (see docs/benchmarks.md, "Sentence encoder").</summary>
    public const float DefaultEncoderWeight = 0.75f;

    public int BlockSize => 1 << HashBits;
    /// <summary>The first column of the encoder block (the n-gram blocks take the columns before it).</summary>
    public int EncoderStart => 2 * BlockSize;
    public int EncoderDimension => Features == FeatureSet.Ngrams ? 0 : TextEncoder.Dimension;
    public int Dimension => EncoderStart + EncoderDimension;
    public bool UsesNgrams => Features != FeatureSet.Encoder;
    public bool UsesEncoder => Features != FeatureSet.Ngrams;
    public bool UsesCharNgrams => UsesNgrams && CharNgramMax > 0;
    public CharNgramRange CharNgrams => new(CharNgramMin, CharNgramMax);

    public void Validate()
    {
        if (HashBits is < 10 or > 24) throw new ArgumentException("hash bits must be between 10 and 24");
        if (WordNgramMax is < 1 or > 5) throw new ArgumentException("word n-gram length must be between 1 and 5");
        if (!CharNgrams.IsValid)
            throw new ArgumentException("character n-gram range must lie within 1..8 (or be 0-0: none)");
        if (WordMinDf < 1 || CharMinDf < 1) throw new ArgumentException("min-df must be at least 1");
        if (!(EncoderWeight > 0) || EncoderWeight > 100) throw new ArgumentException("encoder weight must be above 0 and at most 100");
    }
}
