using System.Text.Json;
using Stance.Core.Features;

namespace Stance.Core.Modeling;

/// <summary>
/// Binds a parsed manifest.json to <see cref="ModelManifest"/> by hand. Writing uses the source-generated
/// serializer; reading it cost ~40 ms of JIT at the start of every Score run (its generic metadata over
/// these types cannot be precompiled), this reader about a millisecond. It follows the serializer's rules:
/// camelCase names, unknown properties ignored, a missing one keeps its default, a JSON null gives null
/// (lists keep null items), and a value of the wrong JSON kind is a <see cref="JsonException"/>.
/// <see cref="ModelFile"/> then checks the values.
/// </summary>
internal static class ManifestReader
{
    public static ModelManifest Read(JsonElement root)
    {
        var m = new ModelManifest();
        m.Format = Str(root, "format", m.Format)!;
        m.FormatVersion = Int(root, "formatVersion");
        m.ToolVersion = Str(root, "toolVersion", m.ToolVersion)!;
        m.Created = Str(root, "created", m.Created)!;
        m.Trainer = Str(root, "trainer", m.Trainer)!;
        m.Featurizer = Child(root, "featurizer", Featurizer, m.Featurizer)!;
        m.Training = Child(root, "training", Training, m.Training)!;
        m.Heads = List(root, "heads", Head, m.Heads)!;
        m.Entries = List(root, "entries", Entry, m.Entries)!;
        m.ExamplesEntry = Str(root, "examplesEntry", null);
        return m;
    }

    private static FeaturizerManifest Featurizer(JsonElement e) => new()
    {
        Hash = Str(e, "hash", "")!, HashBits = Int(e, "hashBits"), WordNgramMax = Int(e, "wordNgramMax"),
        CharNgramMin = Int(e, "charNgramMin"), CharNgramMax = Int(e, "charNgramMax"), WordMinDf = Int(e, "wordMinDf"),
        CharMinDf = Int(e, "charMinDf"), SublinearTf = Bool(e, "sublinearTf"), Weighting = Str(e, "weighting", "")!, Entry = Str(e, "entry", "")!,
        Features = Str(e, "features", null), Encoder = Str(e, "encoder", null), EncoderWeight = e.TryGetProperty("encoderWeight", out _) ? (float)Double(e, "encoderWeight") : null,
    };

    private static TrainingManifest Training(JsonElement e) => new()
    {
        DataFile = Str(e, "dataFile", "")!, DataSha256 = Str(e, "dataSha256", "")!, Rows = Int(e, "rows"),
        TextColumn = Str(e, "textColumn", "")!, Seed = Number(e, "seed", 0UL, (JsonElement v, out ulong x) => v.TryGetUInt64(out x)),
        Folds = Int(e, "folds"), ClassWeightFactors = List(e, "classWeightFactors", Factor, null),
    };

    private static ClassWeightFactor Factor(JsonElement e) => new(Str(e, "head", null), Str(e, "label", null)!, Double(e, "factor"));

    private static HeadManifest Head(JsonElement e) => new()
    {
        Label = Str(e, "label", "")!, Classes = List(e, "classes", StrItem, [])!, Trainer = Str(e, "trainer", "")!,
        Lambda = Double(e, "lambda"), Entry = Str(e, "entry", "")!, TreesEntry = Str(e, "treesEntry", "")!,
        LoadedWords = List(e, "loadedWords", w => List(w, StrItem)!, null), ClassPriors = List(e, "classPriors", DoubleItem, null),
        Cv = Child(e, "cv", Cv, null),
    };

    private static CvManifest Cv(JsonElement e) => new()
    {
        Scheme = Str(e, "scheme", "")!, Folds = Int(e, "folds"), Accuracy = Double(e, "accuracy"), MacroF1 = Double(e, "macroF1"),
        LogLoss = Double(e, "logLoss"), FoldMacroF1 = List(e, "foldMacroF1", DoubleItem, [])!, PerClass = List(e, "perClass", Class, [])!,
    };

    private static ClassSummary Class(JsonElement e) =>
        new(Str(e, "class", null)!, Double(e, "precision"), Double(e, "recall"), Double(e, "f1"),
            Number(e, "support", 0L, (JsonElement v, out long x) => v.TryGetInt64(out x)));

    private static EntryManifest Entry(JsonElement e) => new()
    {
        Name = Str(e, "name", "")!, Size = Number(e, "size", 0L, (JsonElement v, out long x) => v.TryGetInt64(out x)), Sha256 = Str(e, "sha256", "")!,
    };

    private delegate bool TryGet<T>(JsonElement value, out T result);

    private static bool Has(JsonElement o, string name, out JsonElement value)
    {
        if (o.ValueKind != JsonValueKind.Object) throw new JsonException($"expected an object holding \"{name}\", found {o.ValueKind}");
        return o.TryGetProperty(name, out value);
    }

    private static string? Str(JsonElement o, string name, string? missing) =>
        !Has(o, name, out var v) ? missing : StrOrNull(v, name);

    private static string? StrOrNull(JsonElement v, string name) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Null => null,
        _ => throw new JsonException($"{name}: expected a string, found {v.ValueKind}"),
    };

    private static string StrItem(JsonElement v) => StrOrNull(v, "list item")!;

    private static T Number<T>(JsonElement o, string name, T missing, TryGet<T> get)
    {
        if (!Has(o, name, out var v)) return missing;
        if (v.ValueKind != JsonValueKind.Number || !get(v, out var x)) throw new JsonException($"{name}: expected a number in range, found {v}");
        return x;
    }

    private static int Int(JsonElement o, string name) => Number(o, name, 0, (JsonElement v, out int x) => v.TryGetInt32(out x));

    private static double Double(JsonElement o, string name) => Number(o, name, 0.0, (JsonElement v, out double x) => v.TryGetDouble(out x));

    private static double DoubleItem(JsonElement v) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var x) ? x : throw new JsonException($"expected a number, found {v.ValueKind}");

    private static bool Bool(JsonElement o, string name) => !Has(o, name, out var v) ? false : v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new JsonException($"{name}: expected true or false, found {v.ValueKind}"),
    };

    private static T? Child<T>(JsonElement o, string name, Func<JsonElement, T> read, T? missing) where T : class
    {
        if (!Has(o, name, out var v)) return missing;
        return v.ValueKind == JsonValueKind.Null ? null : read(v);
    }

    private static List<T>? List<T>(JsonElement o, string name, Func<JsonElement, T> item, List<T>? missing) =>
        !Has(o, name, out var v) ? missing : List(v, item, name);

    private static List<T>? List<T>(JsonElement v, Func<JsonElement, T> item, string name = "list")
    {
        if (v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind != JsonValueKind.Array) throw new JsonException($"{name}: expected an array, found {v.ValueKind}");
        var list = new List<T>(v.GetArrayLength());
        foreach (var x in v.EnumerateArray())
            list.Add(x.ValueKind == JsonValueKind.Null && default(T) is null ? default! : item(x));
        return list;
    }
}
