namespace Stance.Core.Modeling;

public sealed class EntryManifest
{
    public string Name { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
}
