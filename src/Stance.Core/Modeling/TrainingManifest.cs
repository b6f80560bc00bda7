namespace Stance.Core.Modeling;

public sealed class TrainingManifest
{
    public string DataFile { get; set; } = "";
    public string DataSha256 { get; set; } = "";
    public int Rows { get; set; }
    public string TextColumn { get; set; } = "";
    public ulong Seed { get; set; }
    public int Folds { get; set; }
}
