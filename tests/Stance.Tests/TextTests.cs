using Stance.Core.Features;
using Stance.Core.Text;

namespace Stance.Tests;

public class TextTests
{
    private static string[] Tokens(string s)
    {
        var n = TextNormalizer.Normalize(s);
        return Tokenizer.Tokenize(n).Select(t => n.Substring(t.Start, t.Length)).ToArray();
    }

    [Fact]
    public void NormalizerAppliesNfkcCaseFoldingAndQuoteFolding()
    {
        Assert.Equal("\"regime\" isn't 'fine'", TextNormalizer.Normalize("“Regime” isn’t ‘FINE’"));
        Assert.Equal("cuba...", TextNormalizer.Normalize("ＣＵＢＡ…"));   // full-width letters, ellipsis
        Assert.Equal("díaz-canel", TextNormalizer.Normalize("Di\u0301az-Canel")); // composed by NFKC
    }

    [Fact]
    public void TokenizerKeepsWordsNumbersHashtagsMentionsAndPunctuationRuns()
    {
        Assert.Equal(["the", "regime", "?!", "#soscuba", "@granma", "410.8", "don't", "..."],
            Tokens("The regime?! #SOSCuba @Granma 410.8 don’t…"));
        Assert.Equal(["pro-government", ",", "\"", "heroic", "\"", "!!"], Tokens("pro-government, “heroic”!!"));
        Assert.Equal(["553,000", "dollars", "."], Tokens("553,000 dollars."));
    }

    [Fact]
    public void CurlyAndStraightQuotesGiveTheSameFeatures()
    {
        var counter = new TermCounter(new FeaturizerOptions { HashBits = 16 });
        var a = counter.Count("the “figurehead” president");
        var b = counter.Count("The \"figurehead\" president");
        Assert.Equal(a.Columns, b.Columns);
        Assert.Equal(a.Counts, b.Counts);
    }

    [Theory]
    // Reference values of MurmurHash3_x86_32 over the little-endian bytes of each 32-bit block.
    [InlineData(new uint[] { 0x87654321 }, 0u, 0xF55B516Bu)]
    [InlineData(new uint[] { 0x87654321 }, 0x5082EDEEu, 0x2362F9DEu)]
    [InlineData(new uint[0], 1u, 0x514E28B7u)]
    [InlineData(new uint[0], 0u, 0u)]
    public void MurmurHash3MatchesReferenceVectors(uint[] blocks, uint seed, uint expected) =>
        Assert.Equal(expected, MurmurHash3.Hash(blocks, seed));

    [Fact]
    public void MurmurHash3OfTextEqualsTheHashOfItsUtf16Bytes()
    {
        // "\u4321" is the two bytes 0x21 0x43: reference value 0xA0F7B07A with seed 0.
        Assert.Equal(0xA0F7B07Au, MurmurHash3.Hash("\u4321", 0));
        // "ab" = blocks 0x00620061.
        Assert.Equal(MurmurHash3.Hash([0x00620061u], 7), MurmurHash3.Hash("ab", 7));
    }

    [Fact]
    public void TermCountsHaveWordAndCharacterBlocksSortedAndMerged()
    {
        var o = new FeaturizerOptions { HashBits = 12 };
        var (cols, counts) = new TermCounter(o).Count("no no no");
        Assert.True(cols.Zip(cols.Skip(1)).All(p => p.First < p.Second));
        Assert.Contains(cols, c => c < o.BlockSize);
        Assert.Contains(cols, c => c >= o.BlockSize);
        // unigram "no" 3×, bigram "no no" 2×, trigram 1×; char n-grams of " no " 3× each.
        Assert.Equal(3 + 2 + 1 + 3 * (3 + 2 + 1), (int)counts.Sum());
    }

    [Fact]
    public void TfidfRowsHaveUnitNormPerBlockAndFollowSklearnIdf()
    {
        var o = new FeaturizerOptions { HashBits = 12, CharMinDf = 1 };
        var counts = Featurizer.CountAll(o, ["cuba libre", "cuba si", "bloqueo no"]);
        var w = TfidfWeighting.Fit(o, counts);
        var cuba = new TermCounter(o).Count("cuba").Columns.First(c => c < o.BlockSize);
        Assert.Equal(Math.Log(4.0 / 3) + 1, w.Idf[cuba], 5);   // n = 3, df = 2
        var x = w.Transform(counts);
        for (int r = 0; r < x.RowCount; r++)
        {
            double word = 0, chars = 0;
            var cols = x.RowColumns(r);
            var vals = x.RowValues(r);
            for (int j = 0; j < cols.Length; j++) if (cols[j] < o.BlockSize) word += vals[j] * vals[j]; else chars += vals[j] * vals[j];
            Assert.Equal(1.0, word, 5);
            Assert.Equal(1.0, chars, 5);
        }
    }
}
