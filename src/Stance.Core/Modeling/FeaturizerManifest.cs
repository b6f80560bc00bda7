using System.Text.Json.Serialization;
using Stance.Core.Features;

namespace Stance.Core.Modeling;

public sealed class FeaturizerManifest
{
    public string Hash { get; set; } = "";
    public int HashBits { get; set; }
    public int WordNgramMax { get; set; }
    public int CharNgramMin { get; set; }
    public int CharNgramMax { get; set; }
    public int WordMinDf { get; set; }
    public int CharMinDf { get; set; }
    public bool SublinearTf { get; set; }
    public string Weighting { get; set; } = "";
    public string Entry { get; set; } = "";
    /// <summary>"encoder" or "both" (the encoder block's weight is in the idf entry); absent for n-grams alone, as in every model before format 3.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Features { get; set; }
    /// <summary>Which sentence encoder made the encoder block (informational: the tool carries exactly one).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Encoder { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public float? EncoderWeight { get; set; }
}
