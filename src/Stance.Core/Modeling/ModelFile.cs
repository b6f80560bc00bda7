using Stance.Core.Common;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Trees;
using static Stance.Core.Modeling.ManifestCheck;
using static Stance.Core.Modeling.ModelZip;

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
    /// <summary>The newest format this tool reads and writes; n-gram models are still written as version 2, which older tools read.</summary>
    public const int FormatVersion = 4;
    public const long MaxManifestBytes = 4 << 20;
    public const long DefaultMaxEntryBytes = 1L << 30;
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string ToolVersion =>
        typeof(ModelFile).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static void Save(StanceModel model, string path) => AtomicFile.Write(path, stream => Write(model, stream));

    /// <summary>
    /// Saves the model unless the file already holds the same one: two trainings on the same data and settings
    /// differ only in "created", so the model is serialized with the file's own "created" first and, when
    /// that matches the file byte for byte, nothing is written (re-running a set-up leaves a clone clean).
    /// Returns whether the file was written.
    /// </summary>
    public static bool SaveIfChanged(StanceModel model, string path)
    {
        if (File.Exists(path) && CreatedOf(path) is { } created)
        {
            using var ms = new MemoryStream();
            Write(model, ms, created);
            if (ms.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(path))) return false;
        }
        Save(model, path);
        return true;
    }

    /// <summary>The "created" field of a model file's manifest; null when the file is not a readable model.</summary>
    private static string? CreatedOf(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.GetEntry("manifest.json") is not { Length: < MaxManifestBytes } entry) return null;
            using var s = entry.Open();
            using var json = JsonDocument.Parse(s);
            return json.RootElement.TryGetProperty("created", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or UnauthorizedAccessException) { return null; }
    }

    /// <param name="created">The manifest's "created" as written (default: the model's own creation time).</param>
    public static void Write(StanceModel model, Stream stream, string? created = null)
    {
        var binaries = new List<(string Name, byte[] Bytes)> { ("idf.bin", BinaryCodec.WriteIdf(model.Featurizer.Weighting.Idf)) };
        for (int h = 0; h < model.Heads.Count; h++)
        {
            var head = model.Heads[h].Head;
            if (head.Linear is { } linear) binaries.Add(($"head-{h}.bin", BinaryCodec.WriteHead(linear)));
            if (head.Trees is { } trees) binaries.Add(($"head-{h}-trees.zip", TreeModelBytes.Normalize(trees.ToBytes())));
        }
        if (model.Examples is { } examples) binaries.Add((ExamplesEntry, examples.ToBytes()));
        var manifest = BuildManifest(model, binaries);
        if (created is not null) manifest.Created = created;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        AddEntry(zip, "manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJsonContext.Default.ModelManifest));
        foreach (var (name, bytes) in binaries) AddEntry(zip, name, bytes);
    }

    private static void AddEntry(ZipArchive zip, string name, byte[] bytes)
    {
        // Weights and idf values are near-random floats that deflate barely shrinks (14 MB → 10 MB) but
        // inflating them took ~100 ms of every Score run: binary entries are stored, the manifest deflated
        // (ML.NET's tree part is a zip of its own, compressed already).
        bool binary = name.EndsWith(".bin", StringComparison.Ordinal) || name.EndsWith(".zip", StringComparison.Ordinal);
        var entry = zip.CreateEntry(name, binary ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
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
            FormatVersion = model.Heads.Any(h => h.Head.Trees is not null) ? FormatVersion : o.UsesEncoder ? 3 : 2,
            ToolVersion = ToolVersion,
            Created = info.Created.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ"),
            Trainer = info.Trainer,
            Featurizer = new FeaturizerManifest
            {
                Hash = "murmur3_x86_32/utf16", HashBits = o.HashBits, WordNgramMax = o.WordNgramMax,
                CharNgramMin = o.CharNgramMin, CharNgramMax = o.CharNgramMax, WordMinDf = o.WordMinDf,
                CharMinDf = o.CharMinDf, SublinearTf = o.SublinearTf, Weighting = "tfidf-smooth-l2-per-block", Entry = "idf.bin",
                Features = o.UsesEncoder ? o.Features.Name() : null, Encoder = o.UsesEncoder ? TextEncoder.Name : null,
                EncoderWeight = o.UsesEncoder ? o.EncoderWeight : null,
            },
            Training = new TrainingManifest
            {
                DataFile = info.DataFile, DataSha256 = info.DataSha256, Rows = info.Rows,
                TextColumn = info.TextColumn, Seed = info.Seed, Folds = info.Folds,
                ClassWeightFactors = info.ClassWeightFactors.Count == 0 ? null : [.. info.ClassWeightFactors],
            },
            Heads = model.Heads.Select((h, i) => new HeadManifest
            {
                Label = h.Label, Classes = h.Classes.ToList(), Trainer = h.Head.Trainer.Name(), Lambda = h.Linear?.Lambda ?? 0,
                Entry = h.Linear is null ? "" : $"head-{i}.bin", TreesEntry = h.Head.Trees is null ? "" : $"head-{i}-trees.zip",
                LoadedWords = h.Head.Features?.Statistics.LoadedWords.Select(w => w.ToList()).ToList(),
                Cv = h.Cv is null ? null : new CvManifest
                {
                    Scheme = h.Cv.Scheme, Folds = h.Cv.Folds, Accuracy = h.Cv.Accuracy, MacroF1 = h.Cv.MacroF1, LogLoss = h.Cv.LogLoss,
                    FoldMacroF1 = h.Cv.FoldMacroF1.ToList(), PerClass = h.Cv.PerClass.ToList(),
                },
            }).ToList(),
            ExamplesEntry = model.Examples is null ? null : ExamplesEntry,
            Entries = binaries.Select(b => new EntryManifest { Name = b.Name, Size = b.Bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(b.Bytes)) }).ToList(),
        };
    }

    private const string ExamplesEntry = "examples.bin";

    /// <summary>At most this many zip entries (manifest, idf, one per head).</summary>
    public const int MaxEntries = 64;
    public const int MaxHeads = MaxEntries - 2;
    public const int MaxClasses = 1000;

    public static StanceModel Load(string path, long maxEntryBytes = DefaultMaxEntryBytes) => Load(path, MemoryBudget.Default, maxEntryBytes);

    /// <summary>Loads a model file; any problem with it is one <see cref="InputException"/> line naming the file.</summary>
    public static StanceModel Load(string path, MemoryBudget budget, long maxEntryBytes = DefaultMaxEntryBytes)
    {
        if (Directory.Exists(path)) throw new InputException($"{path}: is a folder, not a model file");
        if (!File.Exists(path)) throw new InputException($"{path}: model file not found");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Read(stream, path, budget, maxEntryBytes);
    }

    public static StanceModel Read(Stream stream, string name, long maxEntryBytes = DefaultMaxEntryBytes) =>
        Read(stream, name, MemoryBudget.Default, maxEntryBytes);

    /// <summary>
    /// Reads a model from a seekable stream. Order: the zip's directory (entry count, plain unique names),
    /// the size-capped manifest (format, version, every count and size), the memory the declared arrays
    /// need against the budget — and only then the binary entries, each capped while it decompresses and
    /// checked against its CRC-32, size and SHA-256 before it is decoded.
    /// </summary>
    public static StanceModel Read(Stream stream, string name, MemoryBudget budget, long maxEntryBytes = DefaultMaxEntryBytes)
    {
        try { return ReadChecked(stream, name, budget, maxEntryBytes); }
        catch (InvalidDataException e) { throw Bad(name, $"the file is corrupt or not a Stance model ({Printable(e.Message, 120)})"); }
        catch (JsonException e) { throw Bad(name, $"manifest.json is not valid ({Printable(e.Message.Split(". ")[0], 120)})"); }
        catch (EndOfStreamException) { throw Bad(name, "the file is truncated"); }
        catch (Exception e) when (e is IOException or ArgumentException or FormatException or NotSupportedException or OverflowException)
        {
            throw Bad(name, $"not a readable model zip ({e.GetType().Name}: {Printable(e.Message, 120)})");
        }
    }

    private static StanceModel ReadChecked(Stream stream, string name, MemoryBudget budget, long maxEntryBytes)
    {
        if (!stream.CanSeek) throw new ArgumentException("the model stream must be seekable");
        CheckDirectory(stream, name);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        if (!zip.Entries.Any(e => e.FullName == "manifest.json"))
            throw Bad(name, "not a Stance model (no manifest.json in the zip" +
                (zip.Entries.Count == 0 ? ")" : $"; it holds {Printable(string.Join(", ", zip.Entries.Take(3).Select(e => e.FullName)), 80)}{(zip.Entries.Count > 3 ? ", …" : "")})"));
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var e in zip.Entries)
        {
            if (!IsPlainName(e.FullName))
                throw Bad(name, $"entry \"{Printable(e.FullName)}\" is not a plain file name; refusing to read it");
            if (!entries.TryAdd(e.FullName, e)) throw Bad(name, $"entry \"{Printable(e.FullName)}\" appears twice");
        }
        var manifestBytes = ReadEntry(entries["manifest.json"], MaxManifestBytes, exact: false, name);
        using var manifestJson = JsonDocument.Parse(manifestBytes);
        CheckFormat(manifestJson.RootElement, name);
        var manifest = ManifestReader.Read(manifestJson.RootElement);
        var options = CheckManifest(manifest, name, maxEntryBytes);
        foreach (var n in entries.Keys)
            if (n != "manifest.json" && !manifest.Entries.Any(e => e.Name == n)) throw Bad(name, $"unexpected entry \"{Printable(n)}\"");

        long dimension = options.Dimension;
        foreach (var hm in manifest.Heads)
            if (dimension * hm.Classes.Count > Array.MaxLength)
                throw Bad(name, $"head \"{Printable(hm.Label)}\" declares {dimension}×{hm.Classes.Count} weights, more than one array can hold");
        budget.Check(MemoryEstimate.ModelLoad(dimension, manifest.Heads.Select(h => (long)h.Classes.Count), manifest.Entries.Sum(e => e.Size), options.UsesEncoder),
            $"{name}: loading this model ({manifest.Heads.Count} head(s) over {dimension.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} features)");

        var blobs = new Dictionary<string, byte[]>();
        foreach (var em in manifest.Entries)
        {
            if (!entries.TryGetValue(em.Name, out var entry)) throw Bad(name, $"entry \"{em.Name}\" is missing (truncated or damaged file)");
            blobs[em.Name] = ReadEntry(entry, em.Size, exact: true, name, checkCrc: false);
        }
        // The SHA-256 sums, then the decoding, run on all cores (a Score run starts with them); a failure is
        // reported for the first entry or head in manifest order, whichever thread met it.
        var sums = new string[manifest.Entries.Count];
        Parallel.For(0, sums.Length, i => sums[i] = Convert.ToHexStringLower(SHA256.HashData(blobs[manifest.Entries[i].Name])));
        for (int i = 0; i < sums.Length; i++)
            if (sums[i] != manifest.Entries[i].Sha256) throw Bad(name, $"entry \"{manifest.Entries[i].Name}\" fails its checksum (corrupt file)");

        var fm = manifest.Featurizer;
        float[]? idf = null;
        var heads = new ModelHead[manifest.Heads.Count];
        var failures = new InputException?[heads.Length + 1];
        Parallel.For(0, heads.Length + 1, job =>
        {
            try
            {
                if (job == 0) { idf = BinaryCodec.ReadIdf(blobs[fm.Entry], options.Dimension) ?? throw Bad(name, $"{fm.Entry} is malformed"); return; }
                var hm = manifest.Heads[job - 1];
                var cv = hm.Cv is null ? null : new CvSummary(hm.Cv.Scheme, hm.Cv.Folds, hm.Cv.Accuracy, hm.Cv.MacroF1, hm.Cv.LogLoss, hm.Cv.FoldMacroF1, hm.Cv.PerClass);
                heads[job - 1] = new ModelHead(hm.Label, hm.Classes, ReadHead(hm, blobs, options, manifest.FormatVersion, name), cv);
            }
            catch (InputException e) { failures[job] = e; }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } failure) throw failure;
        var featurizer = new Featurizer(options, new TfidfWeighting(options, idf!));
        var t = manifest.Training;
        var created = DateTimeOffset.TryParse(manifest.Created, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : DateTimeOffset.MinValue;
        var examples = manifest.ExamplesEntry is { } examplesEntry
            ? ExampleBank.FromBytes(blobs[examplesEntry], TextEncoder.Dimension, heads.Select(h => h.Classes).ToList()) ?? throw Bad(name, $"{examplesEntry} is malformed")
            : null;
        var balanced = manifest.Heads.Where(h => h.ClassPriors is not null).Select(h => h.Label).ToList();
        return new StanceModel(featurizer, heads, new TrainingInfo(t.DataFile, t.DataSha256, t.Rows, t.TextColumn, t.Seed, t.Folds, manifest.Trainer, created)
            { ClassWeightFactors = t.ClassWeightFactors ?? [] }, examples)
        {
            LoadNotes = balanced.Count == 0 ? [] :
                [$"{name}: trained with the old \"balanced\" decision rule ({string.Join(", ", balanced)}); every unit is now labeled with its most probable class, so some labels differ from that version's (retrain to refresh the model's CV figures)"],
        };
    }

    /// <summary>Decodes one head's entries (already size- and checksum-checked) for its trainer kind.</summary>
    private static TrainedHead ReadHead(HeadManifest hm, Dictionary<string, byte[]> blobs, FeaturizerOptions options, int formatVersion, string name)
    {
        int K = hm.Classes.Count;
        var trainer = TrainerKinds.Parse(hm.Trainer);   // checked by CheckManifest
        var linear = trainer is TrainerKind.Linear or TrainerKind.Ensemble
            ? BinaryCodec.ReadHead(blobs[hm.Entry], K, options.Dimension, hm.Lambda) ?? throw Bad(name, $"{hm.Entry} is malformed")
            : null;
        if (!trainer.HasTrees()) return new TrainedHead(trainer, K, linear, null, null);
        if (formatVersion < FormatVersion)
            throw Bad(name, $"head \"{hm.Label}\" holds trees of an older Stance (format {formatVersion}), which this version no longer reads: retrain the model");
        var features = new TreeFeatures(trainer == TrainerKind.Ensemble ? K : 0, new TextStatistics(hm.LoadedWords!), options.EncoderStart, options.EncoderDimension);
        if (TreeModelBytes.Problem(blobs[hm.TreesEntry]) is { } unsafeZip) throw Bad(name, $"{hm.TreesEntry}: {unsafeZip}");
        var trees = TreeModel.FromBytes(blobs[hm.TreesEntry], features.Width, K, out var problem) ?? throw Bad(name, $"{hm.TreesEntry}: {problem}");
        return new TrainedHead(trainer, K, linear, trees, features);
    }
}
