using System.Text.Json.Serialization;
using Stance.Core.Features;

namespace Stance.Core.Modeling;

/// <summary>
/// The JSON manifest of a model zip: plain data, read back into these exact types (no type names in
/// the file, no polymorphism), then checked by <see cref="ModelFile"/> before anything is allocated.
/// </summary>
public sealed class ModelManifest
{
    public string Format { get; set; } = "";
    public int FormatVersion { get; set; }
    public string ToolVersion { get; set; } = "";
    public string Created { get; set; } = "";
    public string Trainer { get; set; } = "";
    public FeaturizerManifest Featurizer { get; set; } = new();
    public TrainingManifest Training { get; set; } = new();
    public List<HeadManifest> Heads { get; set; } = [];
    /// <summary>Every binary entry of the zip with its exact size and SHA-256.</summary>
    public List<EntryManifest> Entries { get; set; } = [];
    /// <summary>The entry of the labeled training units with their encoder vectors (encoder models only).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExamplesEntry { get; set; }
}

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

public sealed class TrainingManifest
{
    public string DataFile { get; set; } = "";
    public string DataSha256 { get; set; } = "";
    public int Rows { get; set; }
    public string TextColumn { get; set; } = "";
    public ulong Seed { get; set; }
    public int Folds { get; set; }
}

public sealed class HeadManifest
{
    public string Label { get; set; } = "";
    public List<string> Classes { get; set; } = [];
    /// <summary>linear, fasttree or ensemble.</summary>
    public string Trainer { get; set; } = "";
    public double Lambda { get; set; }
    /// <summary>The linear weights (linear and ensemble heads), else "".</summary>
    public string Entry { get; set; } = "";
    /// <summary>The boosted trees (fasttree and ensemble heads), else "".</summary>
    public string TreesEntry { get; set; } = "";
    /// <summary>The ensemble's loaded words per class (see TextStatistics).</summary>
    public List<List<string>>? LoadedWords { get; set; }
    /// <summary>
    /// Written by earlier versions for a head that decided by the old "balanced" rule (arg-max of p_k/π_k).
    /// Read only to tell the user: every head now labels a unit with its most probable class.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<double>? ClassPriors { get; set; }
    public CvManifest? Cv { get; set; }
}

public sealed class CvManifest
{
    public string Scheme { get; set; } = "";
    public int Folds { get; set; }
    public double Accuracy { get; set; }
    public double MacroF1 { get; set; }
    public double LogLoss { get; set; }
    public List<double> FoldMacroF1 { get; set; } = [];
    public List<ClassSummary> PerClass { get; set; } = [];
}

public sealed class EntryManifest
{
    public string Name { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ModelManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
