namespace Stance.Core.Reports;

/// <summary>A misclassified unit: where it is (id and/or line), its text, and the call the model made.</summary>
public sealed record ReportExample(string Where, string Text, int Actual, int Predicted, double Confidence);
