namespace Stance.Bench.TrainUnitFilter;

/// <summary>A unit's features and whether it is text (true) or furniture.</summary>
public sealed record Example(int[] Index, float[] Value, bool IsText, ExampleSource Source);
