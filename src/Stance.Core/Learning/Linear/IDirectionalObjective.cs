namespace Stance.Core.Learning.Linear;

/// <summary>
/// An objective that can be followed along a line cheaply: <see cref="SetDirection"/> prepares the line
/// x + t·d (one pass over the data), <see cref="ValueAt"/> gives f there for any t without another pass,
/// and <see cref="Accept"/> moves to x + t·d (given as xNew) and computes the gradient there.
/// </summary>
public interface IDirectionalObjective
{
    /// <summary>f(x) and its gradient; also makes x the point lines start from.</summary>
    double Evaluate(double[] x, double[] gradient);
    void SetDirection(double[] x, float[] d);
    double ValueAt(double t);
    double Accept(double t, double[] xNew, double[] gradient);
}
