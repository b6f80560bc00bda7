using System.IO.Compression;
using System.Text.Json;
using Stance.Core.Common;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Modeling;

namespace Stance.Tests;

/// <summary>Train's --char-ngrams: parsing, the size rule of "auto", a featurizer without character n-grams, and its model file.</summary>
public class CharNgramTests
{
    [Theory]
    [InlineData("none", 0, 0)]
    [InlineData("2-5", 2, 5)]
    [InlineData("3-3", 3, 3)]
    [InlineData("1-8", 1, 8)]
    public void ReadsNoneAndRanges(string text, int min, int max) => Assert.Equal(new CharNgramRange(min, max), CharNgramRange.Parse(text));

    [Theory]
    [InlineData("0-5")]
    [InlineData("5-2")]
    [InlineData("2-9")]
    [InlineData("2")]
    [InlineData("2-5-6")]
    [InlineData("a-b")]
    [InlineData("-2-5")]
    [InlineData("auto")]
    public void RefusesAnythingElse(string text) => Assert.Null(CharNgramRange.Parse(text));

    [Fact]
    public void AutoKeepsThemUpToTheLimitAndDropsThemAbove()
    {
        Assert.Equal(CharNgramRange.Default, CharNgramRange.Auto(CharNgramRange.AutoRowLimit).Range);
        Assert.True(CharNgramRange.Auto(CharNgramRange.AutoRowLimit + 1).Range.IsNone);
    }

    [Fact]
    public void WithoutCharacterNgramsOnlyTheWordBlockIsCounted()
    {
        var with = new TermCounter(new FeaturizerOptions { HashBits = 12 });
        var without = new TermCounter(new FeaturizerOptions { HashBits = 12, CharNgramMin = 0, CharNgramMax = 0 });
        const string text = "The regime cannot even keep the lights on.";
        var (all, _) = with.Count(text);
        var (words, _) = without.Count(text);
        Assert.NotEmpty(words);
        Assert.All(words, id => Assert.InRange(id, 0, (1 << 12) - 1));
        Assert.Equal(all.Where(id => id < 1 << 12), words);
        Assert.Contains(all, id => id >= 1 << 12);
    }

    [Fact]
    public void AModelWithoutCharacterNgramsRoundTripsWithIdenticalProbabilities()
    {
        var data = LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance"]);
        var options = new TrainOptions
        {
            Folds = 0, Featurizer = new() { HashBits = 14, CharNgramMin = 0, CharNgramMax = 0 },
            Trainer = new() { Trainer = TrainerKind.Linear, Linear = new() { Lambda = 1e-3 } },
        };
        var model = new ModelTrainer(options).Train(data).Model;
        using var ms = new MemoryStream();
        ModelFile.Write(model, ms);
        var loaded = ModelFile.Read(new MemoryStream(ms.ToArray()), "mem");
        Assert.True(loaded.Featurizer.Options.CharNgrams.IsNone);
        var (a, b) = (model.NewCounter(), loaded.NewCounter());
        foreach (var text in data.Texts.Take(20))
            Assert.Equal(model.Predict(text, a)[0], loaded.Predict(text, b)[0]);
    }

    [Fact]
    public void TrainRecordsTheChoiceAndRefusesABadRangeWithOneLine()
    {
        var dir = Cli.TempDir();
        var model = Path.Combine(dir, "m.zip");
        var ok = Cli.Train("--data", Cli.Fixture("small.csv"), "--model", model, "--features", "ngrams", "--folds", "0", "--char-ngrams", "3-4", "--hash-bits", "12");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("character n-grams: 3-4", ok.Stdout);
        using (var zip = ZipFile.OpenRead(model))
        {
            using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
            var f = manifest.RootElement.GetProperty("featurizer");
            Assert.Equal((3, 4), (f.GetProperty("charNgramMin").GetInt32(), f.GetProperty("charNgramMax").GetInt32()));
        }
        var bad = Cli.Train("--data", Cli.Fixture("small.csv"), "--model", Path.Combine(dir, "bad.zip"), "--char-ngrams", "5-2");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("train: error: --char-ngrams: expected auto, none or MIN-MAX within 1..8 (e.g. 2-5), got \"5-2\"", bad.Stderr.Trim());
        Assert.False(File.Exists(Path.Combine(dir, "bad.zip")));
    }
}
