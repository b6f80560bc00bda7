using System.Text.Json;
using Stance.Core.Common;
using Stance.Core.Features;
using Stance.Core.Learning;
using static Stance.Core.Modeling.ModelZip;

namespace Stance.Core.Modeling;

/// <summary>
/// The manifest half of loading a model file: its format and version first, then every part, count, size
/// and name it declares, all checked before a single array is allocated.
/// </summary>
internal static class ManifestCheck
{
    /// <summary>
    /// The format name and version, read on their own before the manifest is bound to this version's
    /// types: a newer file whose manifest this tool cannot parse still gets "newer version", not a parse error.
    /// </summary>
    public static void CheckFormat(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Bad(name, "manifest.json is not a JSON object");
        string? format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (format != ModelFile.FormatName) throw Bad(name, $"format \"{Printable(format)}\" is not a Stance model");
        if (!root.TryGetProperty("formatVersion", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int version))
            throw Bad(name, "manifest.json has no valid formatVersion");
        if (version > ModelFile.FormatVersion) throw Bad(name, $"format version {version} is newer than this tool reads ({ModelFile.FormatVersion}); update Stance");
        if (version < 1) throw Bad(name, $"format version {version} is not valid");
    }

    /// <summary>
    /// Everything else the manifest declares, checked before any array is allocated: no missing parts, featurizer settings this tool implements, 1..MaxHeads heads of 2..MaxClasses
    /// distinct classes, entries with plain unique names, sizes within the cap and well-formed SHA-256.
    /// </summary>
    public static FeaturizerOptions CheckManifest(ModelManifest m, string name, long maxEntryBytes)
    {
        if (m.Featurizer is null || m.Training is null || m.Heads is null || m.Entries is null
            || m.ToolVersion is null || m.Created is null || m.Trainer is null)
            throw Bad(name, "manifest.json lacks a required part");

        if (m.Entries.Count > ModelFile.MaxEntries - 1) throw Bad(name, $"the manifest lists {m.Entries.Count} entries; a Stance model has at most {ModelFile.MaxEntries - 1}");
        var entryNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in m.Entries)
        {
            if (e is null || e.Name is null || e.Sha256 is null) throw Bad(name, "manifest.json has an incomplete entry");
            if (!IsPlainName(e.Name) || e.Name == "manifest.json") throw Bad(name, $"the manifest names an invalid entry \"{Printable(e.Name)}\"");
            if (!entryNames.Add(e.Name)) throw Bad(name, $"the manifest lists entry \"{Printable(e.Name)}\" twice");
            if (e.Size < 0 || e.Size > maxEntryBytes)
                throw Bad(name, $"entry \"{e.Name}\" declares {e.Size} bytes, outside the limit of {maxEntryBytes}");
            if (e.Sha256.Length != 64 || !e.Sha256.All(char.IsAsciiHexDigitLower))
                throw Bad(name, $"entry \"{e.Name}\" has no valid SHA-256 in the manifest");
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        void Uses(string? entry, string what)
        {
            if (entry is null || !entryNames.Contains(entry)) throw Bad(name, $"{what} names entry \"{Printable(entry ?? "")}\", which the manifest does not list");
            if (!used.Add(entry)) throw Bad(name, $"entry \"{entry}\" is used twice");
        }

        var fm = m.Featurizer;
        if (fm.Hash != "murmur3_x86_32/utf16" || fm.Weighting != "tfidf-smooth-l2-per-block")
            throw Bad(name, $"featurizer \"{Printable(fm.Hash ?? "")}\" / \"{Printable(fm.Weighting ?? "")}\" is not one this tool implements (a newer Stance?)");
        var options = new FeaturizerOptions
        {
            HashBits = fm.HashBits, WordNgramMax = fm.WordNgramMax, CharNgramMin = fm.CharNgramMin, CharNgramMax = fm.CharNgramMax,
            WordMinDf = fm.WordMinDf, CharMinDf = fm.CharMinDf, SublinearTf = fm.SublinearTf,
        };
        if (fm.Features is { } features)
        {
            if (Array.IndexOf(FeatureSets.Names, features) < 0 || features == "ngrams" || m.FormatVersion < 3)
                throw Bad(name, $"feature set \"{Printable(features)}\" is not one this tool implements (a newer Stance?)");
            options = options with { Features = FeatureSets.Parse(features), EncoderWeight = fm.EncoderWeight ?? 0 };
        }
        try { options.Validate(); } catch (ArgumentException e) { throw Bad(name, $"featurizer settings: {e.Message}"); }
        Uses(fm.Entry, "the featurizer");

        if (m.Heads.Count == 0) throw Bad(name, "the model has no heads");
        if (m.Heads.Count > ModelFile.MaxHeads) throw Bad(name, $"the manifest declares {m.Heads.Count} heads; at most {ModelFile.MaxHeads} are allowed");
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in m.Heads)
        {
            if (h is null || h.Label is null || h.Classes is null) throw Bad(name, "manifest.json has an incomplete head");
            if (!IsCleanLabel(h.Label) || !labels.Add(h.Label)) throw Bad(name, $"head label \"{Printable(h.Label)}\" is empty, repeated or has control characters");
            if (h.Classes.Count < 2 || h.Classes.Count > ModelFile.MaxClasses)
                throw Bad(name, $"head \"{h.Label}\" declares {h.Classes.Count} classes; expected 2..{ModelFile.MaxClasses}");
            if (h.Classes.Any(c => c is null || !IsCleanLabel(c)) || h.Classes.Distinct(StringComparer.Ordinal).Count() != h.Classes.Count)
                throw Bad(name, $"head \"{h.Label}\" has an invalid class list");
            if (!double.IsFinite(h.Lambda) || h.Lambda < 0) throw Bad(name, $"head \"{h.Label}\" has an invalid λ");
            if (h.Cv is { } cv && (cv.Scheme is null || cv.FoldMacroF1 is null || cv.PerClass is null || cv.PerClass.Any(p => p is null || p.Class is null)))
                throw Bad(name, $"head \"{h.Label}\" has incomplete cross-validation figures");
            if (h.ClassPriors is { } priors && (priors.Count != h.Classes.Count || priors.Any(p => !(p > 0 && p < 1)) || Math.Abs(priors.Sum() - 1) > 1e-6))
                throw Bad(name, $"head \"{h.Label}\" has invalid class priors (expected {h.Classes.Count} frequencies in (0, 1) summing to 1)");
            // A stored head is linear or holds trees; nb-linear is stored as linear, auto as what it picked.
            if (TrainerKinds.TryParse(h.Trainer) is not ({ } trainer and (TrainerKind.Linear or TrainerKind.FastTree or TrainerKind.LightGbm or TrainerKind.Ensemble)))
                throw Bad(name, $"head \"{h.Label}\" has an unknown trainer \"{Printable(h.Trainer ?? "")}\" (a newer Stance?)");
            if (trainer is TrainerKind.Linear or TrainerKind.Ensemble) Uses(h.Entry, $"head \"{h.Label}\"");
            if (trainer == TrainerKind.Linear) continue;
            Uses(h.TreesEntry, $"head \"{h.Label}\"'s trees");
            if (h.LoadedWords is not { } words || words.Count != h.Classes.Count
                    || words.Any(w => w is null || w.Count > TextStatistics.PerClassWords || w.Any(x => x is null || x.Length > 200)))
                throw Bad(name, $"head \"{h.Label}\": the trees' loaded-word lists are missing or malformed");
        }
        if (m.ExamplesEntry is { } examples)
        {
            if (!options.UsesEncoder) throw Bad(name, "the manifest names labeled examples, but the model does not use the sentence encoder");
            Uses(examples, "the labeled examples");
        }
        var t = m.Training;
        if (t.DataFile is null || t.DataSha256 is null || t.TextColumn is null) throw Bad(name, "manifest.json has incomplete training details");
        if (t.ClassWeightFactors is { } factors && factors.Any(f => f is null || f.Label is null || !m.Heads.Any(h => h.Label == f.Head && h.Classes.Contains(f.Label)) || !double.IsFinite(f.Factor) || f.Factor <= 0))
            throw Bad(name, "manifest.json has invalid class weight factors (each names a head, a class and a factor above 0)");
        return options;
    }

    /// <summary>A head or class label the manifest may declare: 1–200 characters, none of them control characters.</summary>
    private static bool IsCleanLabel(string s) => s.Length is > 0 and <= 200 && !s.Any(char.IsControl);
}
