using Stance.Core.Common;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Modeling;

/// <summary>A step of training finished or began: Done of Total steps, with what is happening now.</summary>
public readonly record struct TrainingProgress(string Description, int Done, int Total);
