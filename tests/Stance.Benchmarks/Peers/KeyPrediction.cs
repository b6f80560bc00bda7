/// <summary>A trainer's answer for one featurized row: the predicted class as a key (1-based).</summary>
public sealed class KeyPrediction
{
    public uint PredictedLabel { get; set; }
}
