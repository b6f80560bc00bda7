using Stance.Core.Common;
using System.Diagnostics;
using System.Text;
using Stance.Core.Features;
using Stance.Core.Learning;
using Stance.Core.Learning.Linear;
using Stance.Core.Modeling;
using Stance.Core.Text;
using Stance.Core.Input;
using Stance.Core.Scoring;

namespace Stance.Tests;

/// <summary>
/// The fast paths must give exactly what the plain definitions give: the counter against a reference
/// counter written the obvious way, the column layout against the weighted rows, the sum-to-zero
/// objective against finite differences and the full parameterization, models against core counts.
/// </summary>
public class SpeedPathTests
{
    /// <summary>The featurizer's definition, written plainly: normalize to a string, hash every n-gram, sort, merge.</summary>
    private static (int[] Columns, float[] Counts) ReferenceCount(FeaturizerOptions o, string text)
    {
        string normalized = TextNormalizer.Normalize(text);
        var tokens = Tokenizer.Tokenize(normalized);
        var ids = new List<int>();
        int mask = o.BlockSize - 1;
        var hashes = tokens.Select(t => MurmurHash3.Hash(normalized.AsSpan(t.Start, t.Length), 0x5374616e)).ToArray();
        for (int i = 0; i < hashes.Length; i++)
            for (int n = 1; n <= o.WordNgramMax && i + n <= hashes.Length; n++)
                ids.Add(n == 1 ? (int)(hashes[i] & mask) : (int)(MurmurHash3.Hash(hashes.AsSpan(i, n), 0x5374616eu + (uint)n) & mask));
        foreach (var t in tokens.Where(t => t.IsWordLike))
        {
            string padded = " " + normalized.Substring(t.Start, t.Length) + " ";
            for (int n = o.CharNgramMin; n <= o.CharNgramMax && n <= padded.Length; n++)
                for (int s = 0; s + n <= padded.Length; s++)
                    ids.Add(o.BlockSize + (int)(MurmurHash3.Hash(padded.AsSpan(s, n), 0x63655f63u + (uint)n) & mask));
        }
        var groups = ids.GroupBy(i => i).OrderBy(g => g.Key).ToArray();
        return (groups.Select(g => g.Key).ToArray(), groups.Select(g => (float)g.Count()).ToArray());
    }

    private static List<string> Texts() =>
        LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance"]).Texts.Concat(
        [
            "Ǆemal ﬁne ¹²³ café\u0301 ´quoted´ «x» ½ ŉ ſ 𝔘𝔫𝔦 Ｆｕｌｌ ＡＢＣ 🇨🇺 don’t Díaz-Canel ÀÉÎÕÜ ñandú",
            "the the the the word word " + new string('x', 100) + " " + new string('y', 70) + " end",
            "", "   ", "!!!", "a",
        ]).ToList();

    [Fact]
    public void CounterMatchesTheReferenceDefinitionIncludingItsWordCacheAndLatinFastPath()
    {
        foreach (var o in new[] { new FeaturizerOptions(), new FeaturizerOptions { HashBits = 10, WordNgramMax = 2, CharNgramMin = 1, CharNgramMax = 3 } })
        {
            var counter = new TermCounter(o);
            foreach (var text in Texts())
            {
                var (cols, counts) = counter.Count(text);
                var (rc, rn) = ReferenceCount(o, text);
                Assert.Equal(rc, cols);
                Assert.Equal(rn, counts);
            }
        }
        // More distinct words than the word cache keeps: it starts over and stays right.
        var many = new TermCounter(new FeaturizerOptions { HashBits = 12 });
        var rng = new SplitMix64(3);
        var sb = new StringBuilder();
        for (int doc = 0; doc < 400; doc++)
        {
            sb.Clear();
            for (int w = 0; w < 120; w++) sb.Append((char)('a' + rng.NextInt(26))).Append((char)('a' + rng.NextInt(26))).Append((char)('a' + rng.NextInt(26))).Append(rng.NextInt(100)).Append(' ');
            var text = sb.ToString();
            var (cols, counts) = many.Count(text);
            var (rc, rn) = ReferenceCount(new FeaturizerOptions { HashBits = 12 }, text);
            Assert.Equal(rc, cols);
            Assert.Equal(rn, counts);
        }
    }

    [Fact]
    public void NfkcFastPathListsExactlyTheLatinCharactersThatNfkcLeavesAlone()
    {
        for (char c = '\0'; c < '\u0250'; c++)
        {
            if (char.IsSurrogate(c)) continue;
            Assert.True(TermCounter.IsNfkcStable(c) == c.ToString().IsNormalized(NormalizationForm.FormKC), $"U+{(int)c:X4}");
        }
        Assert.False(TermCounter.IsNfkcStable('\u0301'));   // combining marks always take the ICU path
    }

    [Theory]
    [InlineData(14, false)]   // more values than an eighth of the columns: arrays over every column
    [InlineData(22, true)]    // a few rows in a wide space: the sparse route
    public void ColumnLayoutHoldsExactlyTheWeightedRowsAndTheSameIdf(int hashBits, bool sparse)
    {
        var o = new FeaturizerOptions { HashBits = hashBits };
        var texts = Texts();
        var counts = Featurizer.CountAll(o, texts);
        var rows = Enumerable.Range(0, texts.Count).Where(i => i % 3 != 1).ToList();
        Assert.Equal(sparse, ColumnMatrix.TakesSparseRoute(counts, rows));
        var (weighting, columns) = ColumnMatrix.FitTfidf(o, counts, rows);
        var reference = TfidfWeighting.Fit(o, counts, rows);
        Assert.Equal(reference.Idf, weighting.Idf);
        var weighted = reference.Transform(counts, rows);
        var expected = new Dictionary<(int Row, int Feature), float>();
        for (int r = 0; r < weighted.RowCount; r++)
        {
            var c = weighted.RowColumns(r);
            var v = weighted.RowValues(r);
            for (int j = 0; j < c.Length; j++) expected[(r, c[j])] = v[j];
        }
        int seen = 0;
        for (int f = 0; f < columns.ColumnCount; f++)
            for (int p = 0; p < columns.Parts; p++)
            {
                int stride = columns.Parts + 1;
                for (int j = columns.PartStart[f * stride + p]; j < columns.PartStart[f * stride + p + 1]; j++)
                {
                    var e = columns.Entries[j];
                    Assert.Equal(expected[(columns.PartRowStart[p] + e.Row, columns.FeatureIds[f])], e.Value);
                    seen++;
                }
            }
        Assert.Equal(expected.Count, seen);
        // And the prebuilt layout is the one the learner builds itself from the weighted counts.
        var built = ColumnMatrix.FromRows(counts, rows, reference);
        Assert.Equal(columns.FeatureIds, built.FeatureIds);
        Assert.Equal(columns.Entries, built.Entries);
        Assert.Equal(columns.ColumnStart, built.ColumnStart);
        Assert.Equal(columns.PartStart, built.PartStart);
        Assert.Equal(columns.PartRowStart, built.PartRowStart);
        Assert.Equal(columns.PartFeatures, built.PartFeatures);
    }

    [Fact]
    public void RecountedRowsHoldTheSameCountsInAnyOrderOfReading()
    {
        var o = new FeaturizerOptions { HashBits = 14 };
        var texts = Enumerable.Range(0, 5).SelectMany(k => Texts().Select(t => t + " extra" + k)).ToList();   // several 64-row blocks
        var counts = Featurizer.CountAll(o, texts);
        var recounted = new RecountedRows(o, texts);
        Assert.Equal(counts.NonZeros, recounted.NonZeros);
        void Same(int r)
        {
            Assert.Equal(counts.RowLength(r), recounted.RowLength(r));
            Assert.Equal(counts.RowColumns(r).ToArray(), recounted.RowColumns(r).ToArray());
            Assert.Equal(counts.RowValues(r).ToArray(), recounted.RowValues(r).ToArray());
        }
        for (int r = 0; r < texts.Count; r++) Same(r);
        for (int r = texts.Count - 1; r >= 0; r -= 7) Same(r);   // out of order: recounted, still right
        Parallel.For(0, texts.Count, Same);
    }

    [Fact]
    public void SumToZeroObjectiveHasTheRightGradientAndTheSameMinimum()
    {
        var (x, y) = LinearLearnerTests.Synthetic(60, 12, 0.3, 4);
        var weights = Enumerable.Range(0, 60).Select(i => 0.5 + (i % 3)).ToArray();
        var reduced = new SoftmaxObjective(x, y, 3, weights, 0.05, sumToZero: true);
        Assert.Equal(13 * 2, reduced.ParameterCount);
        var rng = new SplitMix64(9);
        var u = new double[reduced.ParameterCount];
        for (int i = 0; i < u.Length; i++) u[i] = rng.NextDouble() - 0.5;
        var g = new double[u.Length];
        double fu = reduced.Evaluate(u, g);
        var scratch = new double[u.Length];
        for (int i = 0; i < u.Length; i++)
        {
            double keep = u[i];
            u[i] = keep + 1e-6; double up = reduced.Evaluate(u, scratch);
            u[i] = keep - 1e-6; double down = reduced.Evaluate(u, scratch);
            u[i] = keep;
            Assert.Equal((up - down) / 2e-6, g[i], 6);
        }
        // The same point in class weights gives the same loss under the full parameterization.
        var full = new SoftmaxObjective(x, y, 3, weights, 0.05);
        Assert.Equal(fu, full.Evaluate(reduced.ClassWeights(u), new double[full.ParameterCount]), 10);

        // Both parameterizations reach the same minimum.
        var wr = new double[reduced.ParameterCount];
        var wf = new double[full.ParameterCount];
        new Lbfgs { GradientTolerance = 1e-9, RelativeTolerance = 0 }.Minimize(reduced.Evaluate, wr);
        new Lbfgs { GradientTolerance = 1e-9, RelativeTolerance = 0, Preconditioner = full.DiagonalPreconditioner() }.Minimize(full.Evaluate, wf);
        var fromReduced = reduced.ClassWeights(wr);
        for (int i = 0; i < wf.Length; i++) Assert.Equal(wf[i], fromReduced[i], 5);
    }

    [Fact]
    public void SparseAndDenseModelsAgree()
    {
        var dense = new float[10 * 3];
        dense[3] = 1; dense[4] = -1; dense[5] = 0.5f;          // feature 1
        dense[27] = 2; dense[29] = -2;                          // feature 9
        var a = new LinearModel(3, 10, dense, [0.1f, 0, -0.1f], 1e-3);
        var (features, rows) = a.NonZeroRows();
        Assert.Equal([1, 9], features);
        Assert.Equal([1f, -1f, 0.5f, 2f, 0f, -2f], rows);
        var b = new LinearModel(3, 10, [1, 4, 9], [1f, -1f, 0.5f, 0, 0, 0, 2f, 0f, -2f], [0.1f, 0, -0.1f], 1e-3);
        Assert.Equal(features, b.NonZeroRows().Features);
        Assert.Equal(dense, b.Weights);
    }

    [Fact]
    public void BatchScorerKeepsInputOrderAcrossManyBatchesAndMatchesSingleTextScoring()
    {
        var fixture = new SmallModelFixture();
        var model = fixture.Model;
        var texts = fixture.Data.Texts;
        var units = Enumerable.Range(0, 2000).Select(i => new ScoringUnit($"u{i}", "mem", i, texts[i % texts.Count] + " " + i, new Dictionary<string, string>(), "text")).ToList();
        var scored = BatchScorer.Score(model, units).ToList();
        Assert.Equal(units.Select(u => u.Id), scored.Select(s => s.Unit.Id));
        var counter = model.NewCounter();
        foreach (var s in scored.Where((_, i) => i % 97 == 0))
        {
            var (unit, p) = (s.Unit, s.Probabilities!);
            var q = model.Predict(unit.Text, counter);
            for (int h = 0; h < p.Length; h++) Assert.Equal(q[h], p[h]);
        }
        // Scoring through the fused table gives the bits of weighting the row (in the counter's order) and
        // applying the head; through the sorted row, the same probabilities up to summation order.
        var head = model.Heads[0].Linear!;
        foreach (var text in texts.Take(20))
        {
            int n = counter.CountDistinct(text);
            var ids = counter.Ids.ToArray();
            var counts = counter.Counts.ToArray().Select(c => (float)c).ToArray();
            var cols = new int[n];
            var vals = new float[n];
            int kept = model.Featurizer.Weighting.WeighRow(ids, counts, cols, vals);
            var expected = new double[head.Classes];
            head.Predict(cols.AsSpan(0, kept), vals.AsSpan(0, kept), expected);
            Assert.Equal(expected, model.Predict(text, counter)[0]);
            var (sortedCols, sortedVals) = model.Featurizer.Transform(text, counter);
            Assert.True(sortedCols.Zip(sortedCols.Skip(1)).All(p => p.First < p.Second));
            var viaSorted = new double[head.Classes];
            head.Predict(sortedCols, sortedVals, viaSorted);
            for (int k = 0; k < head.Classes; k++) Assert.Equal(expected[k], viaSorted[k], 12);
        }
    }

    [Fact]
    public void ModelsAreByteIdenticalOnOneCoreAndOnTwo()
    {
        // Large enough that the column layout has two parts and the optimizer's vectors several chunks.
        var dir = Cli.TempDir();
        var data = Path.Combine(dir, "big.csv");
        var source = LabeledData.Load(Cli.Fixture("small.csv"), "text", ["stance"]);
        var rng = new SplitMix64(11);
        var lines = new List<string> { "id,text,stance" };
        for (int i = 0; i < 5200; i++)
        {
            int a = rng.NextInt(source.Count), b = rng.NextInt(source.Count);
            string text = source.Texts[a] + " " + source.Texts[b].Split(' ')[0] + " n" + rng.NextInt(5000);
            lines.Add($"r{i},\"{text.Replace("\"", "\"\"")}\",{source.Labels[0][a]}");
        }
        File.WriteAllLines(data, lines);
        string Train(int cores)
        {
            var model = Path.Combine(dir, $"m{cores}.zip");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Stance.Train.dll"));
            foreach (var arg in new[] { "--data", data, "--model", model, "--folds", "0", "--lambda", "1e-4", "--features", "ngrams" }) psi.ArgumentList.Add(arg);
            psi.Environment["DOTNET_PROCESSOR_COUNT"] = cores.ToString();
            psi.Environment["SOURCE_DATE_EPOCH"] = "1700000000";
            using var p = Process.Start(psi)!;
            var stderr = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            Assert.True(p.ExitCode == 0, stderr.Result);
            return model;
        }
        var texts = LabeledData.Load(data, "text", ["stance"]).Texts;
        var counts = Featurizer.CountAll(new FeaturizerOptions(), texts);
        var (weighting, columns) = ColumnMatrix.FitTfidf(new FeaturizerOptions(), counts);
        Assert.True(columns.Parts >= 2);
        // Train --folds 0 lays the rows out from texts counted again (RecountedRows): the same layout, part by part.
        var (recountedWeighting, recounted) = ColumnMatrix.FitTfidf(new FeaturizerOptions(), new RecountedRows(new FeaturizerOptions(), texts));
        Assert.Equal(weighting.Idf, recountedWeighting.Idf);
        Assert.Equal(columns.Entries, recounted.Entries);
        Assert.Equal(columns.PartStart, recounted.PartStart);
        Assert.Equal(columns.FeatureIds, recounted.FeatureIds);
        Assert.Equal(File.ReadAllBytes(Train(1)), File.ReadAllBytes(Train(2)));
    }
}
