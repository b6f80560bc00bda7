using System.IO.Compression;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Modeling;
using Stance.Core.Common;

namespace Stance.Tests;

/// <summary>ML.NET's tree part inside a model file: loaded under the same rules as the rest of the file.</summary>
public class TreeModelFileTests
{
    private static readonly Lazy<byte[]> LightGbmModel = new(() =>
    {
        var data = LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance"]);
        var options = new TrainOptions
        {
            Folds = 0,
            Featurizer = new FeaturizerOptions { HashBits = 12 },
            Trainer = new TrainerOptions { Trainer = TrainerKind.LightGbm, Trees = new() { NumberOfTrees = 10, MinimumExampleCountPerLeaf = 5 } },
        };
        using var ms = new MemoryStream();
        ModelFile.Write(new ModelTrainer(options).Train(data).Model, ms);
        return ms.ToArray();
    });

    private static byte[] WithTrees(Func<byte[], byte[]> change) =>
        ModelBytes.Edit(LightGbmModel.Value, blobs: (name, bytes) => name == "head-0-trees.zip" ? change(bytes) : bytes);

    [Fact]
    public void TheModelStoresMlNetsZipAndReadsItBack()
    {
        Assert.Null(ModelBytes.TryRead(LightGbmModel.Value));
        var trees = ModelBytes.Unzip(LightGbmModel.Value).Single(e => e.Name == "head-0-trees.zip").Bytes;
        Assert.NotEmpty(ModelBytes.Unzip(trees));
    }

    [Fact]
    public void ATreePartWhoseEntriesClimbOutOfTheirFolderIsRefused()
    {
        var hostile = WithTrees(trees => ModelBytes.Zip([.. ModelBytes.Unzip(trees), ("../../escaped.txt", "x"u8.ToArray())]));
        Assert.Contains("head-0-trees.zip: its trees name an entry outside their folder (\"../../escaped.txt\")", ModelBytes.Rejected(hostile).Message);
        var rooted = WithTrees(trees => ModelBytes.Zip([.. ModelBytes.Unzip(trees), ("/etc/escaped", "x"u8.ToArray())]));
        Assert.Contains("outside their folder", ModelBytes.Rejected(rooted).Message);
    }

    [Fact]
    public void ADamagedTreePartIsRefusedWithOneLine()
    {
        Assert.Contains("head-0-trees.zip: its trees are not a readable zip", ModelBytes.Rejected(WithTrees(t => t[..(t.Length / 2)])).Message);
        // A valid zip whose model entries are not ML.NET's: ML.NET's own error becomes one line.
        var foreign = WithTrees(trees => ModelBytes.Zip(ModelBytes.Unzip(trees).Select(e => (e.Name, "not a model"u8.ToArray()))));
        Assert.Contains("head-0-trees.zip: ML.NET could not read its trees", ModelBytes.Rejected(foreign).Message);
    }

    [Fact]
    public void TreesFromBeforeFormatFourAreRefusedWithRetrain()
    {
        var old = ModelBytes.Edit(LightGbmModel.Value, m => m["formatVersion"] = 3);
        Assert.Contains("holds trees of an older Stance (format 3), which this version no longer reads: retrain the model", ModelBytes.Rejected(old).Message);
    }

    [Fact]
    public void ScoreExitsWithTwoOnAHostileTreePart()
    {
        var dir = Cli.TempDir();
        var path = Path.Combine(dir, "hostile.zip");
        File.WriteAllBytes(path, WithTrees(trees => ModelBytes.Zip([.. ModelBytes.Unzip(trees), ("..\\escaped.txt", "x"u8.ToArray())])));
        var input = Path.Combine(dir, "in.csv");
        File.WriteAllText(input, "id,text\n1,The regime lies.\n");
        var r = Cli.Score("--model", path, input);
        Assert.Equal(2, r.ExitCode);
        Assert.Empty(r.Stdout);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.Contains("outside their folder", r.Stderr);
    }
}
