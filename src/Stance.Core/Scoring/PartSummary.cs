using Stance.Core.Modeling;

namespace Stance.Core.Scoring;

/// <summary>A part of an article (its body, or its reader comments) and its verdict per head; no heads when it has no units.</summary>
public sealed record PartSummary(int Units, IReadOnlyList<HeadVerdict> Heads);
