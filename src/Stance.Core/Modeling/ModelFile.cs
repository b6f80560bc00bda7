using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Stance.Core.Data;
using Stance.Core.Features;
using Stance.Core.Learning.Linear;

namespace Stance.Core.Modeling;

/// <summary>
/// The model file: one zip with manifest.json, idf.bin (the featurizer's document frequencies) and one
/// head-N.bin per label column (non-zero weight rows only). Saving is deterministic (fixed entry times,
/// fixed order) and atomic. Loading trusts nothing: it accepts only the entry names it expects, once
/// each, caps every entry's size, checks each binary entry's size and SHA-256 against the manifest and
/// every count against the entry's length before allocating, and never creates types named by the file.
/// </summary>
public static class ModelFile
{
    public const string FormatName = "stance-model";
    public const int FormatVersion = 1;
    public const long MaxManifestBytes = 4 << 20;
    public const long DefaultMaxEntryBytes = 1L << 30;
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string ToolVersion =>
        typeof(ModelFile).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static void Save(StanceModel model, string path) => AtomicFile.Write(path, stream => Write(model, stream));

    public static void Write(StanceModel model, Stream stream)
    {
        var binaries = new List<(string Name, byte[] Bytes)> { ("idf.bin", BinaryCodec.WriteIdf(model.Featurizer.Weighting.Idf)) };
        for (int h = 0; h < model.Heads.Count; h++) binaries.Add(($"head-{h}.bin", BinaryCodec.WriteHead(model.Heads[h].Linear)));
        var manifest = BuildManifest(model, binaries);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        AddEntry(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJsonContext.Default.ModelManifest));
        foreach (var (name, bytes) in binaries) AddEntry(zip, name, bytes);
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] bytes)
    {
        // Weights and idf values are near-random floats that deflate barely shrinks (14 MB → 10 MB) but
        // inflating them took ~100 ms of every Score run: binary entries are stored, the manifest deflated.
        var entry = zip.CreateEntry(name, name.EndsWith(".bin", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var s = entry.Open();
        s.Write(bytes);
    }

    private static ModelManifest BuildManifest(StanceModel model, List<(string Name, byte[] Bytes)> binaries)
    {
        var o = model.Featurizer.Options;
        var info = model.Info;
        return new ModelManifest
        {
            Format = FormatName,
            FormatVersion = FormatVersion,
            ToolVersion = ToolVersion,
            Created = info.Created.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ"),
            Trainer = info.Trainer,
            Featurizer = new FeaturizerManifest
            {
                Hash = "murmur3_x86_32/utf16", HashBits = o.HashBits, WordNgramMax = o.WordNgramMax,
                CharNgramMin = o.CharNgramMin, CharNgramMax = o.CharNgramMax, WordMinDf = o.WordMinDf,
                CharMinDf = o.CharMinDf, SublinearTf = o.SublinearTf, Weighting = "tfidf-smooth-l2-per-block", Entry = "idf.bin",
            },
            Training = new TrainingManifest
            {
                DataFile = info.DataFile, DataSha256 = info.DataSha256, Rows = info.Rows,
                TextColumn = info.TextColumn, Seed = info.Seed, Folds = info.Folds,
            },
            Heads = model.Heads.Select((h, i) => new HeadManifest
            {
                Label = h.Label, Classes = h.Classes.ToList(), Lambda = h.Linear.Lambda, Entry = $"head-{i}.bin",
                Cv = h.Cv is null ? null : new CvManifest
                {
                    Scheme = h.Cv.Scheme, Folds = h.Cv.Folds, Accuracy = h.Cv.Accuracy, MacroF1 = h.Cv.MacroF1, LogLoss = h.Cv.LogLoss,
                    FoldMacroF1 = h.Cv.FoldMacroF1.ToList(), PerClass = h.Cv.PerClass.ToList(),
                },
            }).ToList(),
            Entries = binaries.Select(b => new EntryManifest { Name = b.Name, Size = b.Bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(b.Bytes)) }).ToList(),
        };
    }

    public static StanceModel Load(string path, long maxEntryBytes = DefaultMaxEntryBytes)
    {
        if (!File.Exists(path)) throw new InputException($"{path}: model file not found");
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path, maxEntryBytes);
        }
        catch (InvalidDataException e) { throw Bad(path, $"not a readable model zip ({e.Message})"); }
        catch (JsonException e) { throw Bad(path, $"manifest.json is not valid ({e.Message.Split('.')[0]})"); }
        catch (EndOfStreamException) { throw Bad(path, "the file is truncated"); }
        catch (Exception e) when (e is IOException or ArgumentException or FormatException or NotSupportedException or OverflowException)
        {
            throw Bad(path, $"not a readable model zip ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")})");
        }
    }

    public static StanceModel Read(Stream stream, string name, long maxEntryBytes = DefaultMaxEntryBytes)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
        {
            if (e.FullName.Contains('/') || e.FullName.Contains('\\') || e.FullName.Contains("..") || e.FullName.Length == 0)
                throw Bad(name, $"entry \"{e.FullName}\" is not a plain file name; refusing to read it");
            if (!entries.TryAdd(e.FullName, e)) throw Bad(name, $"entry \"{e.FullName}\" appears twice");
        }
        if (!entries.TryGetValue("manifest.json", out var manifestEntry))
            throw Bad(name, "no manifest.json: this is not a Stance model");
        var manifest = JsonSerializer.Deserialize(ReadEntry(manifestEntry, MaxManifestBytes, name), ManifestJsonContext.Default.ModelManifest)
            ?? throw Bad(name, "manifest.json is empty");
        if (manifest.Format != FormatName) throw Bad(name, $"format \"{manifest.Format}\" is not a Stance model");
        if (manifest.FormatVersion > FormatVersion)
            throw Bad(name, $"format version {manifest.FormatVersion} is newer than this tool reads ({FormatVersion}); update Stance");
        if (manifest.FormatVersion < 1) throw Bad(name, $"format version {manifest.FormatVersion} is not valid");

        var expected = new HashSet<string>(manifest.Entries.Select(e => e.Name)) { "manifest.json" };
        foreach (var n in entries.Keys) if (!expected.Contains(n)) throw Bad(name, $"unexpected entry \"{n}\"");
        var blobs = new Dictionary<string, byte[]>();
        foreach (var em in manifest.Entries)
        {
            if (!entries.TryGetValue(em.Name, out var entry)) throw Bad(name, $"entry \"{em.Name}\" is missing");
            if (em.Size < 0 || em.Size > maxEntryBytes) throw Bad(name, $"entry \"{em.Name}\" declares {em.Size} bytes, above the limit of {maxEntryBytes}");
            var bytes = ReadEntry(entry, em.Size, name);
            if (bytes.Length != em.Size) throw Bad(name, $"entry \"{em.Name}\" has {bytes.Length} bytes, the manifest says {em.Size}");
            if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != em.Sha256) throw Bad(name, $"entry \"{em.Name}\" fails its checksum (corrupt file)");
            blobs[em.Name] = bytes;
        }

        var fm = manifest.Featurizer;
        var options = new FeaturizerOptions
        {
            HashBits = fm.HashBits, WordNgramMax = fm.WordNgramMax, CharNgramMin = fm.CharNgramMin, CharNgramMax = fm.CharNgramMax,
            WordMinDf = fm.WordMinDf, CharMinDf = fm.CharMinDf, SublinearTf = fm.SublinearTf,
        };
        try { options.Validate(); } catch (ArgumentException e) { throw Bad(name, $"featurizer settings: {e.Message}"); }
        var idf = BinaryCodec.ReadIdf(Blob(blobs, fm.Entry, name), options.Dimension) ?? throw Bad(name, "idf.bin is malformed");
        var featurizer = new Featurizer(options, new TfidfWeighting(options, idf));

        if (manifest.Heads.Count == 0) throw Bad(name, "the model has no heads");
        var heads = new List<ModelHead>();
        foreach (var hm in manifest.Heads)
        {
            if (hm.Classes.Count < 2 || hm.Classes.Count > 1000 || hm.Classes.Distinct().Count() != hm.Classes.Count)
                throw Bad(name, $"head \"{hm.Label}\" has an invalid class list");
            var linear = BinaryCodec.ReadHead(Blob(blobs, hm.Entry, name), hm.Classes.Count, options.Dimension, hm.Lambda)
                ?? throw Bad(name, $"{hm.Entry} is malformed");
            var cv = hm.Cv is null ? null : new CvSummary(hm.Cv.Scheme, hm.Cv.Folds, hm.Cv.Accuracy, hm.Cv.MacroF1, hm.Cv.LogLoss, hm.Cv.FoldMacroF1, hm.Cv.PerClass);
            heads.Add(new ModelHead(hm.Label, hm.Classes, linear, cv));
        }
        var t = manifest.Training;
        var created = DateTimeOffset.TryParse(manifest.Created, out var c) ? c : DateTimeOffset.MinValue;
        return new StanceModel(featurizer, heads, new TrainingInfo(t.DataFile, t.DataSha256, t.Rows, t.TextColumn, t.Seed, t.Folds, manifest.Trainer, created));
    }

    private static byte[] Blob(Dictionary<string, byte[]> blobs, string entry, string name) =>
        blobs.TryGetValue(entry, out var b) ? b : throw Bad(name, $"entry \"{entry}\" named by the manifest is not listed");

    /// <summary>Reads at most <paramref name="limit"/> bytes; a longer entry is rejected without reading the rest.</summary>
    private static byte[] ReadEntry(ZipArchiveEntry entry, long limit, string name)
    {
        if (entry.Length > limit) throw Bad(name, $"entry \"{entry.FullName}\" is larger than expected ({entry.Length} bytes)");
        using var s = entry.Open();
        var buffer = new MemoryStream((int)Math.Min(entry.Length, limit));
        var chunk = new byte[81920];
        int n;
        while ((n = s.Read(chunk)) > 0)
        {
            if (buffer.Length + n > limit) throw Bad(name, $"entry \"{entry.FullName}\" decompresses to more than expected");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static InputException Bad(string path, string message) => new($"{path}: {message}");
}
