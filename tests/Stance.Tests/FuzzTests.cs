using Stance.Core.Learning;
using Stance.Core.Common;
using System.Text;
using System.Text.Json.Nodes;
using Stance.Core.Modeling;
using Stance.Core.Features;

namespace Stance.Tests;

/// <summary>A model small enough to load thousands of times a second (2^10 buckets per block, two heads).</summary>
public sealed class TinyModelFixture
{
    public byte[] Bytes { get; }
    /// <summary>The entries of <see cref="Bytes"/>, unzipped once.</summary>
    public List<(string Name, byte[] Bytes)> Entries { get; }

    public TinyModelFixture()
    {
        var data = LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance", "sentiment"]);
        var model = new ModelTrainer(new TrainOptions { Folds = 0, Featurizer = new() { HashBits = 10 }, Trainer = new() { Trainer = TrainerKind.Linear, Linear = new() { Lambda = 1e-3 } } }).Train(data).Model;
        using var ms = new MemoryStream();
        ModelFile.Write(model, ms);
        Bytes = ms.ToArray();
        Entries = ModelBytes.Unzip(Bytes);
    }
}

/// <summary>
/// Property tests: thousands of mutated CSVs and model files, each either read correctly or refused with
/// one <see cref="InputException"/> line — never another exception, never a file written. CI runs a few
/// thousand cases in seconds; STANCE_FUZZ_ITERATIONS=200000 (and STANCE_FUZZ_SEED) make a long run.
/// A failure names the iteration, the seed and the input (base64) so it can be replayed.
/// </summary>
public class FuzzTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    private static int Iterations(int ci) =>
        int.TryParse(Environment.GetEnvironmentVariable("STANCE_FUZZ_ITERATIONS"), out int n) && n > 0 ? n : ci;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("STANCE_FUZZ_SEED"), out int s) ? s : 20261122;

    private static readonly byte[] Interesting = "\"\",;\t\n\r\0"u8.ToArray().Concat(new byte[] { 0xFF, 0xC3, 0x80, 0xE9, 0xEF, 0xBB, 0xBF, 0xFE }).ToArray();

    private static readonly string[] CsvSeeds =
    [
        "text,stance,sentiment\n" + string.Concat(Enumerable.Range(0, 6).Select(i =>
            $"the ministry opened plant {i},pro-government,positive\nqueues again for bread {i},critical,negative\nweather report {i},neutral,neutral\n")),
        "id,text,stance,sentiment\r\n1,\"multi\r\nline, with \"\"quotes\"\"\",critical,negative\r\n2,\"¡Viva Cuba! ñandú 🇨🇺\",pro-government,positive\r\n3,plain,neutral,neutral\r\n4,\"\",neutral,neutral\r\n",
        "\uFEFFtext;stance;sentiment\n\"a; b\";critical;negative\nc;neutral;neutral\nd;pro-government;positive\n",
        "text\tstance\tsentiment\tsource\nuno\tcritical\tnegative\tx\ndos\tneutral\tneutral\ty\ntres\tpro-government\tpositive\tz\n",
    ];

    private static byte[] MutateBytes(byte[] input, Random rng)
    {
        var b = new List<byte>(input);
        int mutations = 1 + rng.Next(3);
        for (int m = 0; m < mutations; m++)
        {
            int at = b.Count == 0 ? 0 : rng.Next(b.Count);
            switch (rng.Next(8))
            {
                case 0 when b.Count > 0: b[at] ^= (byte)(1 << rng.Next(8)); break;
                case 1 when b.Count > 0: b[at] = Interesting[rng.Next(Interesting.Length)]; break;
                case 2: b.Insert(at, Interesting[rng.Next(Interesting.Length)]); break;
                case 3 when b.Count > 0: b.RemoveRange(at, Math.Min(b.Count - at, 1 + rng.Next(8))); break;
                case 4: b.RemoveRange(at, b.Count - at); break;
                case 5 when b.Count > 0:
                    int len = Math.Min(b.Count - at, 1 + rng.Next(40));
                    b.InsertRange(rng.Next(b.Count), b.GetRange(at, len));
                    break;
                case 6: b.InsertRange(at, Encoding.UTF8.GetBytes(rng.Next(3) switch { 0 => "\"\"", 1 => "\r\n", _ => "é" })); break;
                default: if (b.Count > 0) b[at] = (byte)rng.Next(256); break;
            }
        }
        return [.. b];
    }

    private static void Fail(string what, int iteration, byte[] input, Exception e) =>
        Assert.Fail($"{what}: iteration {iteration}, seed {Seed}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}\ninput (base64): {Convert.ToBase64String(input)}");

    private static void OneLine(InputException e, string name)
    {
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\r', e.Message);
        Assert.StartsWith(name, e.Message);
    }

    [Fact]
    public void MutatedCsvsAreReadOrRefusedWithOneLine()
    {
        var rng = new Random(Seed);
        var dir = Cli.TempDir();
        int n = Iterations(2000), accepted = 0, refused = 0;
        for (int i = 0; i < n; i++)
        {
            var input = MutateBytes(Encoding.UTF8.GetBytes(CsvSeeds[rng.Next(CsvSeeds.Length)]), rng);
            var spec = new LabeledDataSpec
            {
                LabelColumns = rng.Next(2) == 0 ? ["stance"] : ["stance", "sentiment"],
                Delimiter = rng.Next(4) == 0 ? ',' : null,
                Encoding = rng.Next(4) == 0 ? TextEncoding.Latin1 : TextEncoding.Utf8,
                SkipEmpty = rng.Next(2) == 0,
            };
            try
            {
                // One in ten goes through a real file, to check nothing is left beside it.
                LabeledData set;
                if (i % 10 == 0)
                {
                    var path = Path.Combine(dir, "fuzz.csv");
                    File.WriteAllBytes(path, input);
                    try { set = LabeledData.Load(path, spec); }
                    finally { Assert.Equal(["fuzz.csv"], Directory.GetFiles(dir).Select(Path.GetFileName)); }
                }
                else set = LabeledData.Read(Path.Combine(dir, "fuzz.csv"), new MemoryStream(input), spec);
                Assert.True(set.Count > 0);
                Assert.All(set.Texts, t => Assert.False(string.IsNullOrWhiteSpace(t)));
                Assert.All(set.Labels, head => Assert.All(head, l => Assert.True(l.Length > 0 && l == l.Trim())));
                Assert.True(set.Lines.Zip(set.Lines.Skip(1)).All(p => p.First < p.Second) && set.Lines[0] >= 2);
                accepted++;
            }
            catch (InputException e) { OneLine(e, Path.Combine(dir, "fuzz.csv")); refused++; }
            catch (Exception e) { Fail("LabeledData", i, input, e); }

            // Score's path: every record streamed, each as wide as the header.
            try
            {
                using var csv = CsvSource.FromStream("stdin", new MemoryStream(input), new ReadOptions { Encoding = spec.Encoding });
                foreach (var r in csv.Records()) Assert.Equal(csv.Header.Length, r.Fields.Length);
            }
            catch (InputException e) { OneLine(e, "stdin"); }
            catch (Exception e) { Fail("CsvSource", i, input, e); }
        }
        Assert.True(accepted > n / 20 && refused > n / 20, $"accepted {accepted}, refused {refused}: the mutations should exercise both outcomes");
    }

    private static readonly string[] EntryNames =
        ["manifest.json", "idf.bin", "head-0.bin", "head-1.bin", "head-2.bin", "IDF.BIN", "../idf.bin", "x/head-0.bin", "C:idf.bin", "\u0001", "evil.exe"];

    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => null, _ => -1, _ => 0, _ => 1, _ => int.MaxValue, _ => long.MinValue, _ => 1e300, _ => 30, _ => 24, _ => "",
        _ => "x", _ => new JsonArray(), _ => new JsonObject(), _ => true, r => new string('a', r.Next(1, 300)),
        _ => new JsonArray("a", "a"), _ => new JsonArray(Enumerable.Range(0, 1001).Select(i => (JsonNode)JsonValue.Create(i.ToString())).ToArray()),
    ];

    /// <summary>Every (parent, key) of a JSON tree, objects and arrays alike.</summary>
    private static List<(JsonNode Parent, object Key)> Slots(JsonNode node)
    {
        var slots = new List<(JsonNode, object)>();
        void Walk(JsonNode n)
        {
            if (n is JsonObject o) foreach (var (k, v) in o.ToList()) { slots.Add((o, k)); if (v is not null) Walk(v); }
            else if (n is JsonArray a) for (int i = 0; i < a.Count; i++) { slots.Add((a, i)); if (a[i] is { } v) Walk(v); }
        }
        Walk(node);
        return slots;
    }

    private static byte[] MutateModel(TinyModelFixture tiny, Random rng, out string kind)
    {
        var good = tiny.Bytes;
        // Re-zipped variants are mostly stored (fast); some deflated, to exercise both readers.
        var level = rng.Next(4) == 0 ? System.IO.Compression.CompressionLevel.Fastest : System.IO.Compression.CompressionLevel.NoCompression;
        switch (rng.Next(6))
        {
            case 0:
                kind = "bit flips";
                var flipped = (byte[])good.Clone();
                for (int k = 1 + rng.Next(8); k > 0; k--) flipped[rng.Next(flipped.Length)] ^= (byte)(1 << rng.Next(8));
                return flipped;
            case 1:
                kind = "truncation";
                return good[..rng.Next(good.Length)];
            case 2:
                kind = "overwritten range";
                var over = (byte[])good.Clone();
                int at = rng.Next(over.Length);
                rng.NextBytes(over.AsSpan(at, Math.Min(over.Length - at, 1 + rng.Next(64))));
                return over;
            case 3:
            {
                kind = "entries duplicated, renamed, dropped or swapped";
                var entries = tiny.Entries.ToList();
                int i = rng.Next(entries.Count), j = rng.Next(entries.Count);
                switch (rng.Next(5))
                {
                    case 0: entries.Insert(rng.Next(entries.Count + 1), entries[i]); break;
                    case 1: entries[i] = (EntryNames[rng.Next(EntryNames.Length)], entries[i].Bytes); break;
                    case 2: entries.RemoveAt(i); break;
                    case 3: (entries[i], entries[j]) = ((entries[i].Name, entries[j].Bytes), (entries[j].Name, entries[i].Bytes)); break;
                    default: entries.Add((EntryNames[rng.Next(EntryNames.Length)], [.. Enumerable.Range(0, rng.Next(100)).Select(_ => (byte)rng.Next(256))])); break;
                }
                return ModelBytes.Zip(entries, level);
            }
            case 4:
                kind = "manifest values";
                return ModelBytes.Edit(tiny.Entries, level, m =>
                {
                    for (int k = 1 + rng.Next(3); k > 0; k--)
                    {
                        var slots = Slots(m);
                        var (parent, key) = slots[rng.Next(slots.Count)];
                        var value = Values[rng.Next(Values.Length)](rng);
                        if (parent is JsonObject o) { if (rng.Next(5) == 0) o.Remove((string)key); else o[(string)key] = value; }
                        else ((JsonArray)parent)[(int)key] = value;
                    }
                });
            default:
                kind = "binary entries with matching checksums";
                return ModelBytes.Edit(tiny.Entries, level, blobs: (name, bytes) =>
                {
                    if (rng.Next(2) == 0) return bytes;
                    var b = new List<byte>(bytes);
                    int pos = rng.Next(Math.Max(1, b.Count));
                    switch (rng.Next(4))
                    {
                        case 0: if (b.Count > 0) b[pos] ^= (byte)(1 << rng.Next(8)); break;
                        case 1: b.RemoveRange(pos, b.Count - pos); break;
                        case 2: b.AddRange(Enumerable.Range(0, 1 + rng.Next(12)).Select(_ => (byte)rng.Next(256))); break;
                        default:
                            // A header count or dimension (offsets 8..20) set to an extreme.
                            int field = 8 + 4 * rng.Next(4);
                            var arr = b.ToArray();
                            if (arr.Length >= field + 4) BitConverter.TryWriteBytes(arr.AsSpan(field), new[] { -1, 0, int.MaxValue, int.MinValue, 1 << 30, 3 }[rng.Next(6)]);
                            return arr;
                    }
                    return [.. b];
                });
        }
    }

    [Fact]
    public void MutatedModelFilesLoadOrAreRefusedWithOneLine()
    {
        var rng = new Random(Seed);
        var dir = Cli.TempDir();
        var path = Path.Combine(dir, "m.zip");
        int n = Iterations(1500), accepted = 0, refused = 0;
        for (int i = 0; i < n; i++)
        {
            var input = MutateModel(tiny, rng, out string kind);
            try
            {
                StanceModel model;
                if (i % 10 == 0)
                {
                    File.WriteAllBytes(path, input);
                    try { model = ModelFile.Load(path); }
                    finally { Assert.Equal(["m.zip"], Directory.GetFiles(dir).Select(Path.GetFileName)); }
                }
                else model = ModelFile.Read(new MemoryStream(input), path);
                foreach (var p in model.Predict("¡Abajo la dictadura! Viva la revolución 2026", model.NewCounter()))
                    Assert.Equal(1.0, p.Sum(), 6);
                accepted++;
            }
            catch (InputException e) { OneLine(e, path); refused++; }
            catch (Exception e) { Fail($"ModelFile ({kind})", i, input, e); }
        }
        Assert.True(refused > n / 2, $"accepted {accepted}, refused {refused}");
    }
}
