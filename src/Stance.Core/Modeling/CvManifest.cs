namespace Stance.Core.Modeling;

public sealed class CvManifest
{
    public string Scheme { get; set; } = "";
    public int Folds { get; set; }
    public double Accuracy { get; set; }
    public double MacroF1 { get; set; }
    public double LogLoss { get; set; }
    public List<double> FoldMacroF1 { get; set; } = [];
    public List<ClassSummary> PerClass { get; set; } = [];
}
