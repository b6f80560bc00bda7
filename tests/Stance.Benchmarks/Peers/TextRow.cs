/// <summary>An input row of ML.NET's text pipeline: the text and its label as strings.</summary>
public sealed class TextRow
{
    public string Text { get; set; } = "";
    public string Label { get; set; } = "";
}
