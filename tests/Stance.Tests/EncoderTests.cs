using Stance.Core.Learning;
using Stance.Core.Features;
using Stance.Core.Modeling;
using Stance.Core.Scoring;
using Stance.Core.Common;
using Stance.Core.Input;

namespace Stance.Tests;

/// <summary>A small model over n-grams and the sentence encoder, trained once for the encoder tests.</summary>
public sealed class EncoderModelFixture
{
    public LabeledData Data { get; } = LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance", "sentiment"]);
    public TrainOptions Options { get; } = new()
    {
        Folds = 0, Featurizer = new() { HashBits = 14, Features = FeatureSet.Both }, Trainer = new() { Trainer = TrainerKind.Linear, Linear = new() { Lambda = 1e-3 } },
    };
    public StanceModel Model { get; }

    public EncoderModelFixture() { Model = new ModelTrainer(Options).Train(Data).Model; }
}

public class EncoderTests(EncoderModelFixture fixture) : IClassFixture<EncoderModelFixture>
{
    private static readonly string[] Texts =
    [
        "The regime cannot even keep the lights on.",
        "Despite the criminal blockade, Cuban doctors saved thousands of lives.",
        "Cuba's Ministry of Energy said the plant would be back online on Friday.",
        "",
        "ok",
    ];

    [Fact]
    public void VectorsAreUnitLengthAndDeterministic()
    {
        var a = TextEncoder.Shared.Encode(Texts);
        var b = TextEncoder.Shared.Encode(Texts);
        Assert.Equal(Texts.Length, a.Length);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(TextEncoder.Dimension, a[i].Length);
            Assert.Equal(1.0, Math.Sqrt(a[i].Sum(v => (double)v * v)), 4);
            Assert.Equal(a[i], b[i]);
        }
        Assert.NotEqual(a[0], a[1]);
    }

    [Fact]
    public void ATextsVectorDoesNotDependOnItsBatchOrNeighbours()
    {
        var alone = TextEncoder.Shared.Encode([Texts[0]])[0];
        // Among 40 texts of other lengths, in reverse order, spread over several batches and workers.
        var crowd = Enumerable.Range(0, 40).Select(i => string.Join(' ', Enumerable.Repeat("Havana", i + 1))).Append(Texts[0]).Reverse().ToArray();
        var inCrowd = TextEncoder.Shared.Encode(crowd)[0];
        Assert.Equal(alone, inCrowd);
    }

    [Fact]
    public void LongTextsAreChunkedAndBounded()
    {
        var chunks = TextEncoder.Chunks(string.Join(' ', Enumerable.Repeat("blackouts in Holguín again", 2000))).ToList();
        Assert.Equal(TextEncoder.MaxChunks, chunks.Count);
        Assert.All(chunks, c => Assert.InRange(c.Length, TextEncoder.ChunkChars / 2, TextEncoder.ChunkChars));
        Assert.Single(TextEncoder.Chunks("short text"));
    }

    [Fact]
    public void EncoderModelRoundTripsWithIdenticalProbabilitiesAndExamples()
    {
        using var ms = new MemoryStream();
        ModelFile.Write(fixture.Model, ms);
        var loaded = ModelFile.Read(new MemoryStream(ms.ToArray()), "mem");
        Assert.Equal(FeatureSet.Both, loaded.Featurizer.Options.Features);
        Assert.True(loaded.UsesEncoder);
        var vectors = TextEncoder.Shared.Encode(fixture.Data.Texts.Take(20).ToArray());
        var (a, b) = (fixture.Model.NewCounter(), loaded.NewCounter());
        for (int i = 0; i < vectors.Length; i++)
        {
            var p = fixture.Model.Predict(fixture.Data.Texts[i], a, vectors[i]);
            var q = loaded.Predict(fixture.Data.Texts[i], b, vectors[i]);
            for (int h = 0; h < p.Length; h++) Assert.Equal(p[h], q[h]);
            Assert.Equal(fixture.Model.Examples!.Nearest(vectors[i], 3), loaded.Examples!.Nearest(vectors[i], 3), NeighborEquality.Instance);
        }
        // A unit's nearest labeled example is itself (the bank holds the training units).
        var self = loaded.Examples!.Nearest(vectors[0], 1)[0];
        Assert.Equal(fixture.Data.Texts[0], self.Text);
        Assert.Equal(0.99, self.Cosine, 1);
    }

    [Fact]
    public void EncoderFeaturesChangePredictionsAndNeedAVector()
    {
        var counter = fixture.Model.NewCounter();
        var text = Texts[0];
        var vector = TextEncoder.Shared.Encode([text])[0];
        var other = TextEncoder.Shared.Encode([Texts[1]])[0];
        Assert.NotEqual(fixture.Model.Predict(text, counter, vector)[0], fixture.Model.Predict(text, counter, other)[0]);
        Assert.Throws<ArgumentException>(() => fixture.Model.Predict(text, counter));
    }

    [Fact]
    public void BatchScorerHandlesEmptyAndOneMegabyteTexts()
    {
        var huge = string.Join(' ', Enumerable.Repeat("the blockade and the blackouts", 35_000));
        Assert.True(huge.Length > 1_000_000);
        var units = new[] { "", huge, Texts[0] }.Select((t, i) => new ScoringUnit($"u{i}", "mem", i + 1, t, new Dictionary<string, string>(), "text")).ToList();
        var scored = BatchScorer.Score(fixture.Model, units, explain: 2).ToList();
        Assert.Equal(["u0", "u1", "u2"], scored.Select(s => s.Unit.Id));
        Assert.Equal("empty text", scored[0].Status);
        Assert.False(scored[0].IsScored);
        Assert.True(scored[1].IsScored);
        Assert.StartsWith("ok; the encoder read the first", scored[1].Status);
        Assert.Equal("ok", scored[2].Status);
        Assert.Equal(Explainer.Neighbors, scored[2].Neighbors!.Count);
        Assert.All(scored[2].Explanations![0], c => Assert.DoesNotContain("#", c.Ngram));
    }

    private sealed class NeighborEquality : IEqualityComparer<Neighbor>
    {
        public static readonly NeighborEquality Instance = new();
        public bool Equals(Neighbor? x, Neighbor? y) => x!.Text == y!.Text && x.Cosine == y.Cosine && x.Labels.SequenceEqual(y.Labels);
        public int GetHashCode(Neighbor n) => n.Text.GetHashCode();
    }
}
