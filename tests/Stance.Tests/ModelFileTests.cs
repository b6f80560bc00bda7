using Stance.Core.Learning;
using Stance.Core.Common;
using Stance.Core.Modeling;
using Stance.Core.Features;

namespace Stance.Tests;

/// <summary>One small model trained once and shared by the model-file tests.</summary>
public sealed class SmallModelFixture
{
    public LabeledData Data { get; } = LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance", "sentiment"]);
    public TrainOptions Options { get; } = new() { Folds = 0, Featurizer = new() { HashBits = 16 }, Trainer = new() { Trainer = TrainerKind.Linear, Linear = new() { Lambda = 1e-3 } } };
    public StanceModel Model { get; }

    public SmallModelFixture() { Model = new ModelTrainer(Options).Train(Data).Model; }

    public byte[] Bytes()
    {
        using var ms = new MemoryStream();
        ModelFile.Write(Model, ms);
        return ms.ToArray();
    }
}

public class ModelFileTests(SmallModelFixture fixture) : IClassFixture<SmallModelFixture>
{
    [Fact]
    public void SaveThenLoadGivesIdenticalProbabilities()
    {
        var loaded = ModelFile.Read(new MemoryStream(fixture.Bytes()), "mem");
        var a = fixture.Model.NewCounter();
        var b = loaded.NewCounter();
        foreach (var text in fixture.Data.Texts.Take(40).Append("¡Abajo la dictadura! 🇨🇺"))
        {
            var p = fixture.Model.Predict(text, a);
            var q = loaded.Predict(text, b);
            for (int h = 0; h < p.Length; h++) Assert.Equal(p[h], q[h]);
        }
        Assert.Equal(["stance", "sentiment"], loaded.Heads.Select(h => h.Label));
        Assert.Equal(fixture.Model.Heads[0].Classes, loaded.Heads[0].Classes);
    }

    [Fact]
    public void SameDataAndSeedGiveAByteIdenticalModel()
    {
        var again = new ModelTrainer(fixture.Options).Train(fixture.Data).Model;
        using var ms = new MemoryStream();
        ModelFile.Write(again, ms);
        Assert.Equal(fixture.Bytes(), ms.ToArray());
    }

    [Fact]
    public void ManifestRecordsWhereTheModelCameFrom()
    {
        var loaded = ModelFile.Read(new MemoryStream(fixture.Bytes()), "mem");
        Assert.Equal("small.csv", loaded.Info.DataFile);
        Assert.Equal(90, loaded.Info.Rows);
        Assert.Equal(64, loaded.Info.DataSha256.Length);
        Assert.Equal("text", loaded.Info.TextColumn);
    }

    [Fact]
    public void CorruptTruncatedAndForeignFilesAreRejectedWithOneClearLine()
    {
        var good = fixture.Bytes();
        var dir = Cli.TempDir();
        void Rejects(byte[] bytes, string expected)
        {
            var path = Path.Combine(dir, "m.zip");
            File.WriteAllBytes(path, bytes);
            var e = Assert.Throws<InputException>(() => ModelFile.Load(path));
            Assert.Contains(expected, e.Message);
            Assert.DoesNotContain("\n", e.Message);
        }
        Rejects(good[..(good.Length / 2)], "m.zip:");
        Rejects("not a zip at all"u8.ToArray(), "m.zip:");
        var flipped = (byte[])good.Clone();
        flipped[good.Length / 3] ^= 0x40;
        Rejects(flipped, "m.zip:");
        Assert.Throws<InputException>(() => ModelFile.Load(Path.Combine(dir, "missing.zip")));
    }

    private static MemoryStream Expandable(byte[] bytes)
    {
        var ms = new MemoryStream();
        ms.Write(bytes);
        ms.Position = 0;
        return ms;
    }

    [Fact]
    public void EntriesThatLeaveTheArchiveOrRepeatAreRejected()
    {
        foreach (var name in new[] { "../evil.bin", "dir/x.bin" })
        {
            using var ms = Expandable(fixture.Bytes());
            using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
                using (var s = zip.CreateEntry(name).Open()) s.WriteByte(1);
            var e = Assert.Throws<InputException>(() => ModelFile.Read(new MemoryStream(ms.ToArray()), "m.zip"));
            Assert.Contains(name, e.Message);
        }
        using var dup = Expandable(fixture.Bytes());
        using (var zip = new System.IO.Compression.ZipArchive(dup, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
            using (var s = zip.CreateEntry("idf.bin").Open()) s.WriteByte(1);
        Assert.Contains("twice", Assert.Throws<InputException>(() => ModelFile.Read(new MemoryStream(dup.ToArray()), "m.zip")).Message);
    }

    [Fact]
    public void RetrainingTheSameModelLeavesTheFileUntouched()
    {
        var dir = Cli.TempDir();
        string model = Path.Combine(dir, "m.zip"), data = Path.Combine(dir, "small.csv");
        File.Copy(Cli.Fixture("small.csv"), data);
        string[] args = ["--data", data, "--model", model, "--folds", "0", "--hash-bits", "14", "--features", "ngrams"];
        Assert.Equal(0, Cli.Train(args).ExitCode);
        var bytes = File.ReadAllBytes(model);
        var written = File.GetLastWriteTimeUtc(model);
        File.SetLastWriteTimeUtc(data, DateTime.UtcNow.AddMinutes(1));   // as a fresh clone's newer file times
        var again = Cli.Train(args);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("unchanged", again.Stdout);
        Assert.Equal(bytes, File.ReadAllBytes(model));
        Assert.Equal(written, File.GetLastWriteTimeUtc(model));
        // A different model is written.
        var other = Cli.Train([.. args[..^2], "--features", "ngrams", "--seed", "7", "--lambda", "0.01"]);
        Assert.DoesNotContain("unchanged", other.Stdout);
        Assert.NotEqual(bytes, File.ReadAllBytes(model));
    }
}
