using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Stance.Core.Learning.Trees;

/// <summary>Fits ML.NET's FastTree (one-versus-all) or LightGbm (multiclass) on dense rows.</summary>
public static class TreeTrainer
{
    /// <param name="weights">Per-row weights (class balancing), or null for 1 each.</param>
    public static TreeModel Fit(TreeLearner learner, IReadOnlyList<float[]> rows, int[] y, int classes, float[]? weights, TreeOptions options, ulong seed)
    {
        if (rows.Count == 0 || rows.Count != y.Length) throw new ArgumentException("one label per row is needed");
        int width = rows[0].Length;
        var context = new MLContext(seed: (int)(seed & 0x7FFFFFFF));
        var definition = SchemaDefinition.Create(typeof(TreeTrainingRow));
        definition[nameof(TreeTrainingRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        definition[nameof(TreeTrainingRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        var data = context.Data.LoadFromEnumerable(
            rows.Select((r, i) => new TreeTrainingRow { Features = r, Label = (uint)y[i], Weight = weights?[i] ?? 1f }), definition);
        int mlSeed = (int)(seed >> 1 & 0x7FFFFFFF);
        // Small fits run on one thread: LightGbm's OpenMP threads spin at every split, and on 300 rows × 400
        // features that cost 6.9 s of CPU against 0.8 s on one thread (busy 2-core machine); the inner
        // folds and candidates already run side by side.
        int threads = options.NumberOfThreads ?? (rows.Count <= SingleThreadRows ? 1 : Environment.ProcessorCount);
        IEstimator<ITransformer> estimator = learner switch
        {
            TreeLearner.FastTree => context.MulticlassClassification.Trainers.OneVersusAll(
                context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
                {
                    NumberOfTrees = options.NumberOfTrees, NumberOfLeaves = options.NumberOfLeaves,
                    MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf, LearningRate = options.LearningRate,
                    FeatureFraction = options.FeatureFraction, Seed = mlSeed, NumberOfThreads = threads,
                    ExampleWeightColumnName = nameof(TreeTrainingRow.Weight),
                }), useProbabilities: true),
            _ => context.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                NumberOfIterations = options.NumberOfTrees, NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf, LearningRate = options.LearningRate,
                Seed = mlSeed, UseSoftmax = true, Silent = true, NumberOfThreads = threads,
                Booster = new GradientBooster.Options { FeatureFraction = options.FeatureFraction },
                ExampleWeightColumnName = nameof(TreeTrainingRow.Weight),
            }),
        };
        return new TreeModel(context, estimator.Fit(data), width, classes);
    }

    /// <summary>Fits on at most this many rows use one thread unless <see cref="TreeOptions.NumberOfThreads"/> says otherwise.</summary>
    public const int SingleThreadRows = 20_000;

    /// <summary>Makes ML.NET find the tree learners' model types when it loads a saved model.</summary>
    internal static void RegisterLearners(MLContext context)
    {
        context.ComponentCatalog.RegisterAssembly(typeof(FastTreeBinaryTrainer).Assembly);
        context.ComponentCatalog.RegisterAssembly(typeof(LightGbmMulticlassTrainer).Assembly);
    }
}
