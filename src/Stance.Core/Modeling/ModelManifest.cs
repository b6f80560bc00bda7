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
