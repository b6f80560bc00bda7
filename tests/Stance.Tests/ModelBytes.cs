using Stance.Core.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Stance.Core.Modeling;

namespace Stance.Tests;

/// <summary>Takes model zips apart and puts them back together, to build hostile variants.</summary>
public static class ModelBytes
{
    public static List<(string Name, byte[] Bytes)> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e =>
        {
            using var s = e.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return (e.FullName, ms.ToArray());
        }).ToList();
    }

    /// <summary>A zip of these entries, in order, duplicates and odd names included (valid CRCs).</summary>
    public static byte[] Zip(IEnumerable<(string Name, byte[] Bytes)> entries, CompressionLevel level = CompressionLevel.Fastest)
    {
        var ms = new MemoryStream();
        using (var archive = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in entries)
            {
                using var s = archive.CreateEntry(name, level).Open();
                s.Write(bytes);
            }
        return ms.ToArray();
    }

    /// <summary>The model with its manifest edited; with <paramref name="blobs"/> the binary entries are replaced and the manifest's sizes and SHA-256 made to match them.</summary>
    public static byte[] Edit(byte[] model, Action<JsonObject>? editManifest = null, Func<string, byte[], byte[]>? blobs = null) =>
        Edit(Unzip(model), CompressionLevel.Fastest, editManifest, blobs);

    public static byte[] Edit(List<(string Name, byte[] Bytes)> entries, CompressionLevel level, Action<JsonObject>? editManifest = null,
        Func<string, byte[], byte[]>? blobs = null)
    {
        if (blobs is not null) entries = entries.Select(e => e.Name == "manifest.json" ? e : (e.Name, blobs(e.Name, e.Bytes))).ToList();
        var manifest = JsonNode.Parse(entries.First(e => e.Name == "manifest.json").Bytes)!.AsObject();
        if (blobs is not null)
            foreach (var entry in manifest["entries"]!.AsArray())
            {
                var bytes = entries.First(e => e.Name == (string)entry!["name"]!).Bytes;
                entry!["size"] = bytes.Length;
                entry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
            }
        editManifest?.Invoke(manifest);
        var text = System.Text.Encoding.UTF8.GetBytes(manifest.ToJsonString());
        return Zip(entries.Select(e => e.Name == "manifest.json" ? (e.Name, text) : e), level);
    }

    /// <summary>Loads, turning any exception other than the promised <see cref="InputException"/> into a test failure.</summary>
    public static InputException? TryRead(byte[] bytes, MemoryBudget? budget = null)
    {
        try
        {
            var model = ModelFile.Read(new MemoryStream(bytes), "m.zip", budget ?? MemoryBudget.Default);
            model.Predict("¡Abajo la dictadura! Viva", model.NewCounter());
            return null;
        }
        catch (InputException e)
        {
            Assert.DoesNotContain("\n", e.Message);
            Assert.DoesNotContain("\r", e.Message);
            Assert.StartsWith("m.zip: ", e.Message);
            return e;
        }
    }

    public static InputException Rejected(byte[] bytes, MemoryBudget? budget = null) =>
        TryRead(bytes, budget) ?? throw new Xunit.Sdk.XunitException("the hostile model was accepted");
}
