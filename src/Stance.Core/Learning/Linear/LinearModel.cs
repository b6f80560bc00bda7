using Stance.Core.Learning;

namespace Stance.Core.Learning.Linear;

/// <summary>
/// A fitted multinomial linear classifier over the full feature space: scores = Wᵀx + b, probabilities
/// = softmax(scores). Weights are feature-major (Weights[f·K + k]) so scoring a sparse row reads each
/// feature's K weights from one cache line.
///
/// A model is usually made from its non-zero rows only (training and the model file both know them):
/// the dense <see cref="Weights"/> array — dimension × K floats, 24 MB at the default 2^21 features —
/// is then built on first use, and code that needs only the non-zero rows (<see cref="NonZeroRows"/>:
/// saving, the scoring table) never pays for it.
/// </summary>
public sealed class LinearModel
{
    private float[]? _weights;
    private int[]? _features;
    private float[]? _rows;
    private readonly object _gate = new();

    public int Classes { get; }
    public int Dimension { get; }
    public float[] Bias { get; }
    /// <summary>The L2 strength the model was fitted with (the size rule's or the search's unless given).</summary>
    public double Lambda { get; }

    public LinearModel(int classes, int dimension, float[] weights, float[] bias, double lambda)
    {
        if (weights.Length != (long)classes * dimension || bias.Length != classes)
            throw new ArgumentException("weight array sizes do not match classes × dimension");
        Classes = classes; Dimension = dimension; _weights = weights; Bias = bias; Lambda = lambda;
    }

    /// <summary>A model from the rows of its listed features (ascending ids, K weights each); every other row is zero.</summary>
    public LinearModel(int classes, int dimension, int[] features, float[] rows, float[] bias, double lambda)
    {
        if (rows.Length != (long)features.Length * classes || bias.Length != classes)
            throw new ArgumentException("weight rows do not match the features × classes");
        for (int i = 0; i < features.Length; i++)
            if ((uint)features[i] >= (uint)dimension || (i > 0 && features[i] <= features[i - 1]))
                throw new ArgumentException("feature ids must be ascending and inside the dimension");
        Classes = classes; Dimension = dimension; Bias = bias; Lambda = lambda;
        (_features, _rows) = DropZeroRows(features, rows, classes);
    }

    /// <summary>Dense weights, feature-major (built from the non-zero rows on first use).</summary>
    public float[] Weights
    {
        get
        {
            if (_weights is { } w) return w;
            lock (_gate)
            {
                if (_weights is not null) return _weights;
                var dense = new float[(long)Dimension * Classes];
                int K = Classes;
                for (int i = 0; i < _features!.Length; i++)
                    Array.Copy(_rows!, (long)i * K, dense, (long)_features[i] * K, K);
                return _weights = dense;
            }
        }
    }

    /// <summary>The features with at least one non-zero weight (ascending) and their K weights each.</summary>
    public (int[] Features, float[] Rows) NonZeroRows()
    {
        if (_features is not null) return (_features, _rows!);
        lock (_gate)
        {
            if (_features is not null) return (_features, _rows!);
            int K = Classes;
            var w = _weights!;
            var features = new List<int>();
            for (int f = 0; f < Dimension; f++)
                for (int k = 0; k < K; k++)
                    if (w[(long)f * K + k] != 0) { features.Add(f); break; }
            var rows = new float[(long)features.Count * K];
            for (int i = 0; i < features.Count; i++) Array.Copy(w, (long)features[i] * K, rows, (long)i * K, K);
            _rows = rows;
            return (_features = features.ToArray(), rows);
        }
    }

    private static (int[], float[]) DropZeroRows(int[] features, float[] rows, int K)
    {
        int kept = 0;
        for (int i = 0; i < features.Length; i++)
            if (!IsZero(rows.AsSpan(i * K, K))) kept++;
        if (kept == features.Length) return (features, rows);
        var f2 = new int[kept];
        var r2 = new float[(long)kept * K];
        for (int i = 0, j = 0; i < features.Length; i++)
        {
            if (IsZero(rows.AsSpan(i * K, K))) continue;
            f2[j] = features[i];
            Array.Copy(rows, (long)i * K, r2, (long)j * K, K);
            j++;
        }
        return (f2, r2);
    }

    private static bool IsZero(ReadOnlySpan<float> row)
    {
        foreach (float v in row) if (v != 0) return false;
        return true;
    }

    /// <summary>
    /// Raw class scores of one sparse row. Reads the dense weights when they exist; otherwise finds each
    /// feature among the non-zero rows by binary search (cross-validation scores a few hundred rows per
    /// fold model, not worth a 24 MB array each). Same products, same order, same bits either way.
    /// </summary>
    public void Scores(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<double> scores)
    {
        int K = Classes;
        for (int k = 0; k < K; k++) scores[k] = Bias[k];
        if (_weights is { } weights)
        {
            for (int j = 0; j < columns.Length; j++)
            {
                int o = columns[j] * K;
                float v = values[j];
                for (int k = 0; k < K; k++) scores[k] += weights[o + k] * v;
            }
            return;
        }
        var (features, rows) = NonZeroRows();
        for (int j = 0; j < columns.Length; j++)
        {
            int at = Array.BinarySearch(features, columns[j]);
            float v = values[j];
            if (at < 0)
            {
                for (int k = 0; k < K; k++) scores[k] += 0f * v;   // a zero row, added as the dense path adds it
                continue;
            }
            long o = (long)at * K;
            for (int k = 0; k < K; k++) scores[k] += rows[o + k] * v;
        }
    }

    /// <summary>Class probabilities of one sparse row (sum to 1).</summary>
    public void Predict(ReadOnlySpan<int> columns, ReadOnlySpan<float> values, Span<double> probabilities)
    {
        Scores(columns, values, probabilities);
        Softmax.InPlace(probabilities);
    }
}
