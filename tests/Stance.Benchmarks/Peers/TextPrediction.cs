/// <summary>The pipeline's answer for one row: the predicted label, mapped back from its key to the string.</summary>
public sealed class TextPrediction
{
    public string PredictedLabel { get; set; } = "";
}
