using Stance.Core.Common;
using System.Text.Json.Nodes;
using Stance.Core.Modeling;

namespace Stance.Tests;

/// <summary>Hostile and damaged model files: each refused with one line, before anything large is allocated.</summary>
public class ModelFileSafetyTests(SmallModelFixture fixture) : IClassFixture<SmallModelFixture>
{
    private static void Contains(InputException e, params string[] fragments)
    {
        foreach (var f in fragments) Assert.Contains(f, e.Message);
    }

    /// <summary>Runs the load and checks it allocated less than <paramref name="maxBytes"/> on this thread.</summary>
    private static InputException RejectedWithin(long maxBytes, byte[] bytes, MemoryBudget? budget = null)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = ModelBytes.Rejected(bytes, budget);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < maxBytes, $"allocated {allocated} bytes before refusing: {e.Message}");
        return e;
    }

    [Fact]
    public void TruncatedForeignEmptyAndNewerFilesGetOneClearLine()
    {
        var good = fixture.Bytes();
        Assert.Null(ModelBytes.TryRead(good));
        Contains(ModelBytes.Rejected(good[..(good.Length * 2 / 3)]), "truncated");
        Contains(ModelBytes.Rejected(good[..30]), "truncated");
        Contains(ModelBytes.Rejected([]), "empty");
        Contains(ModelBytes.Rejected("id,text\n1,hola\n"u8.ToArray()), "not a Stance model (not a zip archive)");
        Contains(ModelBytes.Rejected(ModelBytes.Zip([("word/document.xml", "<w/>"u8.ToArray())])), "not a Stance model (no manifest.json", "word/document.xml");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["formatVersion"] = ModelFile.FormatVersion + 1)), $"format version {ModelFile.FormatVersion + 1} is newer than this tool reads ({ModelFile.FormatVersion}); update Stance");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["formatVersion"] = 0)), "format version 0 is not valid");
        // A newer manifest this version could not even bind is still "newer", not a parse error.
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => { m["formatVersion"] = ModelFile.FormatVersion + 1; m["heads"] = "moved elsewhere"; })), $"format version {ModelFile.FormatVersion + 1} is newer");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["format"] = null)), "format \"null\" is not a Stance model");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m.Remove("formatVersion"))), "no valid formatVersion");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["format"] = "sklearn-pickle")), "format \"sklearn-pickle\" is not a Stance model");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["featurizer"]!["hash"] = "sha1")), "not one this tool implements");
    }

    [Fact]
    public void CorruptContentFailsTheChecksums()
    {
        var good = fixture.Bytes();
        // A bit flipped inside compressed data: the zip's CRC-32 (or the deflate stream) gives it away.
        var flipped = (byte[])good.Clone();
        flipped[good.Length / 2] ^= 0x08;
        ModelBytes.Rejected(flipped);
        // Content changed with a valid zip CRC: the manifest's SHA-256 gives it away.
        var swapped = ModelBytes.Zip(ModelBytes.Unzip(good).Select(e => e.Name == "idf.bin" ? (e.Name, e.Bytes.Select((b, i) => i == 40 ? (byte)(b ^ 1) : b).ToArray()) : e));
        Contains(ModelBytes.Rejected(swapped), "entry \"idf.bin\" fails its checksum (corrupt file)");
        // Manifest and entry agree but the entry's own layout is broken.
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, blobs: (n, b) => n == "head-0.bin" ? b[..^4] : b)), "head-0.bin is malformed");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, blobs: (n, b) => n == "idf.bin" ? [.. b[..8], 0, 0, 0, 1, .. b[12..]] : b)), "idf.bin is malformed");
    }

    [Fact]
    public void EntryNamesThatLeaveTheArchiveRepeatOrAreUnknownAreRefused()
    {
        var entries = ModelBytes.Unzip(fixture.Bytes());
        foreach (var name in new[] { "../evil.bin", "/etc/evil", "dir/x.bin", "..\\evil.bin", "C:evil.bin", "a\nb.bin" })
        {
            var e = ModelBytes.Rejected(ModelBytes.Zip([.. entries, (name, [1])]));
            Contains(e, "is not a plain file name");
        }
        Contains(ModelBytes.Rejected(ModelBytes.Zip([.. entries, entries[1]])), $"entry \"{entries[1].Name}\" appears twice");
        Contains(ModelBytes.Rejected(ModelBytes.Zip([.. entries, entries[0]])), "entry \"manifest.json\" appears twice");
        Contains(ModelBytes.Rejected(ModelBytes.Zip(entries.Select(e => e.Name == "idf.bin" ? ("IDF.bin", e.Bytes) : e))), "unexpected entry \"IDF.bin\"");
        Contains(ModelBytes.Rejected(ModelBytes.Zip(entries.Where(e => e.Name != "head-1.bin"))), "entry \"head-1.bin\" is missing");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(fixture.Bytes(), m => m["entries"]![0]!["name"] = "../idf.bin")), "invalid entry \"../idf.bin\"");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(fixture.Bytes(), m => m["heads"]![1]!["entry"] = "head-0.bin")), "entry \"head-0.bin\" is used twice");
        var many = Enumerable.Range(0, 70).Select(i => ($"x{i}.bin", new byte[] { 1 }));
        Contains(ModelBytes.Rejected(ModelBytes.Zip([.. entries, .. many])), "the zip holds 74 entries; a Stance model has at most 64");
    }

    [Fact]
    public void AnOversizedManifestOrEntryIsCappedWhileStreamingAndDeclaredSizesNeverAllocate()
    {
        var entries = ModelBytes.Unzip(fixture.Bytes());
        // A manifest of 8 MB (a few KB compressed) is refused by its size, not parsed.
        var bomb = new byte[8 << 20];
        Array.Fill(bomb, (byte)' ');
        Contains(RejectedWithin(16 << 20, ModelBytes.Zip([("manifest.json", bomb), .. entries.Skip(1)])), "\"manifest.json\" has 8388608 bytes, above the limit of 4194304");
        // A 64 MB entry of zeros where the manifest expects a few KB: refused on the declared size.
        var zeros = new byte[64 << 20];
        Contains(RejectedWithin(8 << 20, ModelBytes.Zip(entries.Select(e => e.Name == "idf.bin" ? (e.Name, zeros) : e))), "entry \"idf.bin\" has 67108864 bytes, the manifest says");
        // The manifest declares an absurd size for an entry: refused before reading it.
        Contains(RejectedWithin(8 << 20, ModelBytes.Edit(fixture.Bytes(), m => m["entries"]![0]!["size"] = 1_000_000_000_000L)), "declares 1000000000000 bytes, outside the limit");
        // Manifest and zip directory both claim 900 MB for an entry holding a few KB: nothing like that is allocated.
        var lying = PatchDeclaredSize(ModelBytes.Edit(fixture.Bytes(), m => m["entries"]![0]!["size"] = 900_000_000), "idf.bin", 900_000_000);
        Contains(RejectedWithin(16 << 20, lying), "entry \"idf.bin\" declares 900000000 bytes from only");
    }

    [Fact]
    public void ADeflateStreamLongerThanItsDeclaredSizeIsCutAtTheCap()
    {
        // The zip directory says idf.bin is 16 bytes shorter than it decompresses to.
        var good = fixture.Bytes();
        long size = ModelBytes.Unzip(good).First(e => e.Name == "idf.bin").Bytes.Length;
        var shorter = PatchDeclaredSize(ModelBytes.Edit(good, m => m["entries"]![0]!["size"] = size - 16), "idf.bin", size - 16);
        Contains(ModelBytes.Rejected(shorter), "entry \"idf.bin\"");
    }

    [Fact]
    public void AbsurdCountsInTheManifestAreRefusedBeforeAllocation()
    {
        var good = fixture.Bytes();
        Contains(RejectedWithin(8 << 20, ModelBytes.Edit(good, m => m["featurizer"]!["hashBits"] = 30)), "featurizer settings: hash bits must be between 10 and 24");
        Contains(RejectedWithin(8 << 20, ModelBytes.Edit(good, m => m["featurizer"]!["hashBits"] = -5)), "featurizer settings");
        JsonArray Classes(int n) => new(Enumerable.Range(0, n).Select(i => (JsonNode)JsonValue.Create($"c{i}")).ToArray());
        // n classes with no class priors, so the counts, not the priors' length, are what is refused.
        void SetClasses(JsonNode m, int head, int n) { m["heads"]![head]!["classes"] = Classes(n); m["heads"]![head]!.AsObject().Remove("classPriors"); }
        Contains(RejectedWithin(32 << 20, ModelBytes.Edit(good, m => m["heads"]![0]!["classes"] = Classes(100_000))), "declares 100000 classes; expected 2..1000");
        Contains(RejectedWithin(16 << 20, ModelBytes.Edit(good, m => { m["featurizer"]!["hashBits"] = 24; SetClasses(m, 0, 1000); })),
            "declares 33554432×1000 weights, more than one array can hold");
        // 2^25 features × 60 classes × 2 heads ≈ 15 GB of weights: over a 2 GB budget, refused from the manifest alone.
        Contains(RejectedWithin(16 << 20, ModelBytes.Edit(good, m =>
        {
            m["featurizer"]!["hashBits"] = 24;
            SetClasses(m, 0, 60);
            SetClasses(m, 1, 60);
        }), new MemoryBudget(2L << 30)), "loading this model (2 head(s) over 33,554,432 features) needs about 15.2 GB of memory, above the budget of 2 GB");
        Contains(ModelBytes.Rejected(good, new MemoryBudget(16L << 20)), "needs about", "above the budget of 16 MB", "--max-memory");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["heads"]![0]!["classes"] = Classes(1))), "declares 1 classes");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["heads"]![0]!["classes"]![1] = "critical")), "invalid class list");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["heads"]![0]!["lambda"] = -1)), "invalid λ");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["heads"] = new JsonArray())), "no heads");
    }

    [Fact]
    public void MissingOrNullPartsOfTheManifestAreOneLineErrors()
    {
        var good = fixture.Bytes();
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["featurizer"] = null)), "lacks a required part");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["heads"]![0] = null)), "incomplete head");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["heads"]![0]!["classes"]![0] = null)), "invalid class list");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["entries"]![1] = null)), "incomplete entry");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["training"]!["dataFile"] = null)), "incomplete training details");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["heads"]![0]!["label"] = "a\u0007b")), "head label \"a?b\"");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["formatVersion"] = "one")), "no valid formatVersion");
        Contains(ModelBytes.Rejected(ModelBytes.Edit(good, m => m["heads"] = "none")), "manifest.json is not valid");
        Contains(ModelBytes.Rejected(ModelBytes.Zip([("manifest.json", "{\"format\":"u8.ToArray())])), "manifest.json is not valid");
    }

    [Fact]
    public void TypeNamesInTheFileAreIgnoredAndLoadingWritesNothing()
    {
        var dir = Cli.TempDir();
        var path = Path.Combine(dir, "m.zip");
        File.WriteAllBytes(path, ModelBytes.Edit(fixture.Bytes(), m =>
        {
            m["$type"] = "System.IO.FileInfo, System.IO.FileSystem";
            m["featurizer"]!["$type"] = "System.Diagnostics.Process";
        }));
        var model = ModelFile.Load(path);
        Assert.IsType<Stance.Core.Features.Featurizer>(model.Featurizer);
        Assert.Equal(["m.zip"], Directory.GetFiles(dir).Select(Path.GetFileName));
        File.WriteAllBytes(path, ModelBytes.Zip([.. ModelBytes.Unzip(fixture.Bytes()), ("../escaped.bin", [1])]));
        Assert.Throws<InputException>(() => ModelFile.Load(path));
        Assert.Equal(["m.zip"], Directory.GetFiles(dir).Select(Path.GetFileName));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(dir)!, "escaped.bin")));
    }

    /// <summary>Sets an entry's uncompressed size in both its local header and the central directory.</summary>
    private static byte[] PatchDeclaredSize(byte[] zip, string entry, long size)
    {
        var bytes = (byte[])zip.Clone();
        var name = System.Text.Encoding.ASCII.GetBytes(entry);
        for (int i = 0; i + 46 < bytes.Length; i++)
        {
            uint sig = BitConverter.ToUInt32(bytes, i);
            if (sig == 0x04034b50 && bytes.AsSpan(i + 30, name.Length).SequenceEqual(name) && BitConverter.ToUInt16(bytes, i + 26) == name.Length)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 22), (uint)size);
            if (sig == 0x02014b50 && bytes.AsSpan(i + 46, name.Length).SequenceEqual(name) && BitConverter.ToUInt16(bytes, i + 28) == name.Length)
                BitConverter.TryWriteBytes(bytes.AsSpan(i + 24), (uint)size);
        }
        return bytes;
    }
}
