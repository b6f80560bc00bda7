using System.Text.Json.Serialization;
using Stance.Core.Features;

namespace Stance.Core.Modeling;

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
