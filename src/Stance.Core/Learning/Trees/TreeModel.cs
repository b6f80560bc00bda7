using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Stance.Core.Learning.Trees;

/// <summary>
/// A fitted ML.NET tree model (FastTree one-versus-all or LightGbm) over <see cref="TreeFeatures"/> rows.
/// Stored as ML.NET's own model zip (<see cref="MLContext.Model"/>'s Save and Load) inside the Stance model
/// file, which makes those bytes deterministic and checks them before ML.NET reads them.
/// </summary>
public sealed class TreeModel
{
    private readonly MLContext _context;
    private readonly ITransformer _transformer;
    // A prediction engine is not thread-safe and costs more to make than to use: scoring threads take
    // one (with its reusable input row) from the bag and give it back.
    private readonly ConcurrentBag<(PredictionEngine<TreeInputRow, TreeScores> Engine, TreeInputRow Row)> _engines = [];

    public int Width { get; }
    public int Classes { get; }

    internal TreeModel(MLContext context, ITransformer transformer, int width, int classes)
    {
        _context = context; _transformer = transformer; Width = width; Classes = classes;
    }

    /// <summary>Class probabilities of one dense row (length <see cref="Width"/>), summing to 1.</summary>
    public void PredictProbabilities(ReadOnlySpan<float> features, Span<double> probabilities)
    {
        if (!_engines.TryTake(out var pooled)) pooled = NewEngine();
        features.CopyTo(pooled.Row.Features);
        var scores = pooled.Engine.Predict(pooled.Row).Score;
        _engines.Add(pooled);
        // One-versus-all's calibrated scores are normalized by ML.NET already, LightGbm's are a softmax;
        // the sum is re-taken in double so a label is always the arg-max of what is shown.
        double sum = 0;
        for (int k = 0; k < Classes; k++) sum += probabilities[k] = k < scores.Length && float.IsFinite(scores[k]) ? Math.Max(0, scores[k]) : 0;
        for (int k = 0; k < Classes; k++) probabilities[k] = sum > 0 ? probabilities[k] / sum : 1.0 / Classes;
    }

    private (PredictionEngine<TreeInputRow, TreeScores> Engine, TreeInputRow Row) NewEngine() =>
        (_context.Model.CreatePredictionEngine<TreeInputRow, TreeScores>(_transformer, inputSchemaDefinition: InputDefinition(Width)), new TreeInputRow { Features = new float[Width] });

    /// <summary>ML.NET's model zip.</summary>
    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        var schema = _context.Data.LoadFromEnumerable(Array.Empty<TreeInputRow>(), InputDefinition(Width)).Schema;
        _context.Model.Save(_transformer, schema, ms);
        return ms.ToArray();
    }

    /// <summary>
    /// Reads a model written by <see cref="ToBytes"/> (the caller has checked the zip is safe to hand to
    /// ML.NET); null with the problem when ML.NET cannot load it or the model does not take
    /// <paramref name="width"/> features and give <paramref name="classes"/> scores.
    /// </summary>
    public static TreeModel? FromBytes(byte[] bytes, int width, int classes, out string? problem)
    {
        problem = null;
        var context = new MLContext(seed: 0);
        TreeTrainer.RegisterLearners(context);
        try
        {
            using var ms = new MemoryStream(bytes, writable: false);
            var transformer = context.Model.Load(ms, out var schema);
            if (schema.GetColumnOrNull("Features") is not { Type: VectorDataViewType { Size: var size } } || size != width)
            {
                problem = $"its trees do not read the {width} features this head makes";
                return null;
            }
            var model = new TreeModel(context, transformer, width, classes);
            // The probe's engine is the pool's first: scoring would make one anyway.
            var probe = model.NewEngine();
            if (probe.Engine.Predict(probe.Row).Score.Length != classes)
            {
                problem = $"its trees do not give {classes} class scores";
                return null;
            }
            model._engines.Add(probe);
            return model;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problem = "ML.NET could not read its trees (" + e.GetType().Name + ")";
            return null;
        }
    }

    internal static SchemaDefinition InputDefinition(int width)
    {
        var definition = SchemaDefinition.Create(typeof(TreeInputRow));
        definition[nameof(TreeInputRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return definition;
    }
}
