using System.Diagnostics;
using Microsoft.ML;

/// <summary>
/// What a .NET user writes first: MapValueToKey(label) → FeaturizeText (its defaults: word 1–2-grams and
/// character 3-grams, L2-normalized) → AppendCacheCheckpoint → SdcaMaximumEntropy or LbfgsMaximumEntropy
/// (their defaults) → MapKeyToValue(PredictedLabel). Fit time is Fit() on the in-memory rows (featurizing
/// included); score time is Transform() and reading every prediction.
/// </summary>
public sealed class MlNetTextPeer(string trainer, ulong seed) : IPeer
{
    public string Description => $"ML.NET FeaturizeText(defaults) → {(trainer == "sdca" ? "SdcaMaximumEntropy" : "LbfgsMaximumEntropy")}(defaults), seed {seed}";

    public PeerResult Run(PeerSplit split)
    {
        var ml = new MLContext(seed: (int)(seed % int.MaxValue));
        var train = ml.Data.LoadFromEnumerable(split.TrainTexts.Select((t, i) => new TextRow { Text = t, Label = split.TrainLabels[i] }).ToList());
        var test = ml.Data.LoadFromEnumerable(split.TestTexts.Select((t, i) => new TextRow { Text = t, Label = split.TestLabels[i] }).ToList());
        var features = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(TextRow.Text)))
            .AppendCacheCheckpoint(ml);
        var pipeline = trainer == "sdca"
            ? features.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            : features.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy()).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

        var clock = Stopwatch.StartNew();
        var model = pipeline.Fit(train);
        double fit = clock.Elapsed.TotalSeconds;

        clock.Restart();
        var predicted = ml.Data.CreateEnumerable<TextPrediction>(model.Transform(test), reuseRowObject: false).Select(p => p.PredictedLabel).ToArray();
        double score = clock.Elapsed.TotalSeconds;
        return new PeerResult(predicted, fit, score, "");
    }
}
