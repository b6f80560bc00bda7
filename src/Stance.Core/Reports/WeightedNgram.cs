using Stance.Core.Learning.Linear;

namespace Stance.Core.Reports;

/// <summary>An n-gram with its weight for one class. <see cref="Others"/> counts the other distinct
/// n-grams of the texts that hash to the same bucket (they share the weight); for a character n-gram,
/// <see cref="Word"/> is the word it most often comes from.</summary>
public sealed record WeightedNgram(string Text, double Weight, int Others, string? Word = null);
