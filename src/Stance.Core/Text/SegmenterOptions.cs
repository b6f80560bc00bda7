using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>How an <see cref="ArticleSegmenter"/> reads pages beyond its defaults.</summary>
public sealed record SegmenterOptions
{
    /// <summary>
    /// Boilerplate patterns used in addition to <see cref="BoilerplatePatterns.Default"/> (for example from
    /// <see cref="BoilerplatePatterns.Load"/>): a line whose cleaned text matches one is dropped.
    /// </summary>
    public IReadOnlyList<Regex> ExtraBoilerplate { get; init; } = [];

    /// <summary>
    /// The learned check that drops paragraphs and comments read as page furniture (by default the one trained on all fixture
    /// sets); null keeps every unit the rules find.
    /// </summary>
    public UnitFilter? UnitFilter { get; init; } = UnitFilter.Default;
}
