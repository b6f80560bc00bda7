using System.Text.Json.Serialization;

namespace Stance.Core.Modeling;

public sealed class TrainingManifest
{
    public string DataFile { get; set; } = "";
    public string DataSha256 { get; set; } = "";
    public int Rows { get; set; }
    public string TextColumn { get; set; } = "";
    public ulong Seed { get; set; }
    public int Folds { get; set; }
    /// <summary>The heads' class weight factors (--class-weight); left out when none were given, so such models keep their bytes.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<ClassWeightFactor>? ClassWeightFactors { get; set; }
}
