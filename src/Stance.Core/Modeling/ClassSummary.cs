namespace Stance.Core.Modeling;

public sealed record ClassSummary(string Class, double Precision, double Recall, double F1, long Support);
