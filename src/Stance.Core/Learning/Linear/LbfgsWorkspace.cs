namespace Stance.Core.Learning.Linear;

/// <summary>
/// The vectors one <see cref="Lbfgs"/> run works in, kept for the next run on a vector of the same length.
/// A regularization path's warm-started fits then allocate them once: allocated afresh per fit, the dead
/// ones (40 MB a fit at 450,000 parameters) piled up on the large-object heap until a full collection,
/// and training on 80,000 texts grew by that much per fit of its λ walk.
/// </summary>
public sealed class LbfgsWorkspace
{
    internal float[][] S = [], Y = [];
    internal double[] G = [], Other = [], GNew = [];
    internal float[] D = [];

    /// <summary>Makes every buffer fit <paramref name="n"/> parameters and <paramref name="memory"/> correction pairs (pairs are allocated on first use).</summary>
    internal void Fit(int n, int memory)
    {
        if (S.Length != memory) { S = new float[memory][]; Y = new float[memory][]; }
        if (G.Length == n) return;
        Array.Clear(S);
        Array.Clear(Y);
        G = new double[n]; Other = new double[n]; GNew = new double[n];
        D = new float[n];
    }
}
