namespace Stance.Bench.TrainUnitFilter;

/// <summary>
/// A training setting the inner leave-one-set-out picks: the L2 penalty, and the loss weight of the examples that are
/// not the segmenter's own output (missed marked units, loose furniture lines; 0 leaves them out).
/// </summary>
public sealed record FilterSetting(double L2, double ExtraWeight)
{
    public static readonly FilterSetting[] Grid =
        [.. new[] { 1e-5, 1e-4, 1e-3 }.SelectMany(l2 => new[] { 0.0, 0.3, 1.0 }.Select(extra => new FilterSetting(l2, extra)))];

    public override string ToString() => $"l2={L2:0e0} extra={ExtraWeight:0.0}";
}
