namespace Stance.Core.Learning;

/// <summary>The trainers a user can name; parsed once from the command line or the model file.</summary>
public enum TrainerKind
{
    Auto,
    Linear,
    NaiveBayesLinear,
    FastTree,
    LightGbm,
    Ensemble,
}
