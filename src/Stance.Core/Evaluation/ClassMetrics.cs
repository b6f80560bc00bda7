namespace Stance.Core.Evaluation;

public sealed record ClassMetrics(string Class, double Precision, double Recall, double F1, long Support);
