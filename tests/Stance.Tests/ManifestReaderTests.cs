using System.Text.Json;
using System.Text.Json.Nodes;
using Stance.Core.Modeling;

namespace Stance.Tests;

/// <summary>
/// The hand-written manifest reader against the source-generated serializer it replaces for reading:
/// on every variant both must agree — the same manifest (compared by writing it back) or both a JsonException.
/// </summary>
public class ManifestReaderTests(SmallModelFixture fixture) : IClassFixture<SmallModelFixture>
{
    private JsonObject Manifest()
    {
        var bytes = ModelBytes.Unzip(fixture.Bytes()).Single(e => e.Name == "manifest.json").Bytes;
        var m = JsonNode.Parse(bytes)!.AsObject();
        // Parts the small fixture model lacks (it has no CV and no ensemble head).
        m["heads"]![0]!["cv"] = JsonNode.Parse("""
            {"scheme":"5-fold","folds":5,"accuracy":0.8,"macroF1":0.75,"logLoss":0.5,"foldMacroF1":[0.7,0.8],
             "perClass":[{"class":"critical","precision":0.9,"recall":0.8,"f1":0.85,"support":12}]}
            """);
        m["heads"]![0]!["loadedWords"] = JsonNode.Parse("""[["bloqueo","dictadura"],[],["revolución"]]""");
        return m;
    }

    public static TheoryData<string> Edits() =>
    [
        "none", "unknown property", "cv null", "head null", "class null", "featurizer null", "loaded words null item",
        "heads a string", "seed negative", "rows fractional", "sublinearTf a string", "size a string", "lambda null",
        "training a number", "entries an object", "perClass item a number", "support huge", "classes missing", "root an array",
        "fold figure null", "hashBits too large",
    ];

    private static void Apply(string edit, JsonObject m)
    {
        var head = m["heads"]![0]!.AsObject();
        switch (edit)
        {
            case "none" or "root an array": break;
            case "unknown property": m["comment"] = "ignored"; head["extra"] = new JsonArray(1, 2); break;
            case "cv null": head["cv"] = null; break;
            case "head null": m["heads"]!.AsArray().Add(null); break;
            case "class null": head["classes"]!.AsArray().Add(null); break;
            case "featurizer null": m["featurizer"] = null; break;
            case "loaded words null item": head["loadedWords"]!.AsArray().Add(null); break;
            case "heads a string": m["heads"] = "none"; break;
            case "seed negative": m["training"]!["seed"] = -1; break;
            case "rows fractional": m["training"]!["rows"] = 1.5; break;
            case "sublinearTf a string": m["featurizer"]!["sublinearTf"] = "yes"; break;
            case "size a string": m["entries"]![0]!["size"] = "12"; break;
            case "lambda null": head["lambda"] = null; break;
            case "training a number": m["training"] = 3; break;
            case "entries an object": m["entries"] = new JsonObject(); break;
            case "perClass item a number": head["cv"]!["perClass"]!.AsArray().Add(7); break;
            case "support huge": head["cv"]!["perClass"]![0]!["support"] = JsonValue.Create(1e30); break;
            case "classes missing": head.Remove("classes"); break;
            case "fold figure null": head["cv"]!["foldMacroF1"]!.AsArray().Add(null); break;
            case "hashBits too large": m["featurizer"]!["hashBits"] = 1L << 40; break;
            default: throw new ArgumentException(edit);
        }
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void AgreesWithTheSerializer(string edit)
    {
        JsonNode m = Manifest();
        Apply(edit, m.AsObject());
        if (edit == "root an array") m = new JsonArray(m);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(m);

        string? expected = null, actual = null;
        try { expected = Write(JsonSerializer.Deserialize(bytes, ManifestJsonContext.Default.ModelManifest)!); }
        catch (JsonException) { }
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            actual = Write(ManifestReader.Read(doc.RootElement));
        }
        catch (JsonException) { }
        Assert.Equal(expected, actual);
        if (edit == "none") Assert.Contains("\"perClass\"", actual);
    }

    private static string Write(ModelManifest m) => JsonSerializer.Serialize(m, ManifestJsonContext.Default.ModelManifest);
}
