using Microsoft.ML;
using Microsoft.ML.Data;
using Stance.Core.Features;

/// <summary>
/// Stance's TF-IDF rows as an ML.NET IDataView of sparse <see cref="VBuffer{T}"/> rows. Columns are the
/// training rows' features in the compact numbering of the learner's <see cref="ColumnMatrix"/> (the
/// features Stance's own trainer works on); a test row's features unseen in training are dropped (their
/// weights would be 0 in either model).
/// </summary>
public static class RowsDataView
{
    /// <summary>
    /// The rows (positions among <paramref name="rows"/>) weighted and mapped through <paramref name="map"/>
    /// (source column → compact, −1 absent), each with its label key y+1 and weight.
    /// </summary>
    /// <summary>
    /// The value a class-0 row's label field holds. Measured with ML.NET 6.0.0: LoadFromEnumerable reads a uint
    /// field declared as a key column as the 0-based class (class c → c), while the PredictedLabel key read back
    /// through CreateEnumerable comes 1-based (class c → c + 1). With 1-based input every label was shifted by one
    /// (the last class lost as missing) and held-out macro-F1 was 0.21.
    /// </summary>
    private const uint KeyBase = 0;

    public static List<FeatureRow> Build(WeightedRows rows, int[] map, int features, int[] y, double[] weight)
    {
        var result = new List<FeatureRow>(rows.Count);
        var cols = new int[256];
        var vals = new float[256];
        for (int i = 0; i < rows.Count; i++)
        {
            int n = rows.Row(i, ref cols, ref vals);
            var index = new int[n];
            var value = new float[n];
            int k = 0;
            for (int j = 0; j < n; j++)
            {
                int f = map[cols[j]];
                if (f < 0) continue;
                index[k] = f; value[k] = vals[j]; k++;
            }
            if (k < n) { Array.Resize(ref index, k); Array.Resize(ref value, k); }
            Array.Sort(index, value);   // a sparse VBuffer lists its indices ascending
            result.Add(new FeatureRow { Label = (uint)(y[i] + KeyBase), Weight = (float)weight[i], Features = new VBuffer<float>(features, k, value, index) });
        }
        return result;
    }

    /// <summary>The data view, with the runtime vector size and key count in its schema.</summary>
    public static IDataView Load(MLContext ml, List<FeatureRow> rows, int features, int classes)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        schema[nameof(FeatureRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
