using Stance.Core.Learning.Linear;

namespace Stance.Core.Reports;

/// <summary>The heaviest word and character n-grams of one class.</summary>
public sealed record ClassNgrams(string Class, IReadOnlyList<WeightedNgram> Words, IReadOnlyList<WeightedNgram> Characters);
