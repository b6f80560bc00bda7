using Stance.Core.Modeling;
using Stance.Core.Common;

namespace Stance.Core.Reports;

/// <summary>A row whose given label the out-of-fold model finds unlikely. Row is the data row (0-based);
/// Given and Suggested are class indexes; Threshold is the given class's average self-confidence.</summary>
public sealed record LabelSuspect(string Column, IReadOnlyList<string> Classes, int Row, int Given, int Suggested,
    double GivenProbability, double SuggestedProbability, double Threshold, double[] Probabilities);
