using Microsoft.ML.Data;

/// <summary>
/// One featurized row for ML.NET: a sparse vector over the training rows' features, its class as a key
/// (the 0-based class index: see RowsDataView.KeyBase) and its weight. The vector size and the key count are known only at run
/// time, so the data view is made with a SchemaDefinition (<see cref="RowsDataView"/>).
/// </summary>
public sealed class FeatureRow
{
    public uint Label { get; set; }
    public float Weight { get; set; }
    public VBuffer<float> Features { get; set; }
}
