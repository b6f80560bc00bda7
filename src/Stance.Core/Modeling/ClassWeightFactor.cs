using System.Globalization;

namespace Stance.Core.Modeling;

/// <summary>
/// A multiplier on the training weight of one class's rows, on top of the class balancing (scikit-learn's
/// class_weight entry): for the label column <see cref="Head"/>, or, when it is null, for every head that has
/// a class <see cref="Label"/>. Resolved factors (<see cref="ClassWeightFactors.Resolve"/>) always name their head.
/// </summary>
public sealed record ClassWeightFactor(string? Head, string Label, double Factor)
{
    /// <summary>"neutral=2" or "stance:neutral=2", as Train's --class-weight takes it.</summary>
    public override string ToString() => $"{(Head is null ? "" : Head + ":")}{Label}={Factor.ToString(CultureInfo.InvariantCulture)}";
}
