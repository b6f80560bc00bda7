namespace Stance.Core.Scoring;

/// <summary>An n-gram and how much it pushed the text toward the predicted class (in logit units).</summary>
public readonly record struct Contribution(string Ngram, double Weight);
