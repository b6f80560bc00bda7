namespace Stance.Core.Modeling;

/// <summary>A labeled training unit as evidence: "this text looks like these labeled examples".</summary>
public sealed record Neighbor(string Text, IReadOnlyList<string> Labels, double Cosine);
