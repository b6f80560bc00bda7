using Stance.Core.Common;
using Stance.Core.Input;

namespace Stance.Core.Reports;

/// <summary>A unit the model is unsure about: margin = p(best) − p(second best) of one head; entropy in nats.</summary>
public sealed record UncertainUnit(ScoringUnit Unit, long Order, double Margin, double Entropy);
