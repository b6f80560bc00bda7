using Stance.Core.Modeling;

namespace Stance.Core.Reports;

/// <summary>One row of the spread figure: dots (e.g. one per CV fold) and an optional diamond (e.g. the pooled figure).</summary>
public sealed record SpreadRow(string Name, IReadOnlyList<double> Dots, double? Diamond);
