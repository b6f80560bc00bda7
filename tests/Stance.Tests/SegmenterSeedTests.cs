using System.Text.RegularExpressions;
using Stance.Core.Text;
using Stance.Core.Common;

namespace Stance.Tests;

/// <summary>
/// Acceptance: on each real seed page the segmenter's headlines, paragraphs and comments are exactly the
/// hand-extracted real units of data/stance.csv (same order, same text up to white space).
/// </summary>
public class SegmenterSeedTests
{
    [Theory]
    //          seed                         headline paragraph comment caption byline
    [InlineData("000_11b79d241aec9981.txt", 1, 9, 0, 1, 0)]
    [InlineData("001_c04d03022b7c74bc.txt", 1, 9, 11, 2, 1)]
    [InlineData("002_1dbb4ff3a3ca9094.txt", 1, 12, 0, 0, 0)]
    [InlineData("003_8684e471e390c72c.txt", 1, 13, 0, 0, 1)]
    [InlineData("004_6d15cf6dee815b5a.txt", 0, 14, 0, 0, 1)]
    public void SeedUnitsEqualTheLabeledRealUnits(string seed, int headlines, int paragraphs, int comments, int captions, int bylines)
    {
        var units = new ArticleSegmenter().Segment(File.ReadAllText(Path.Combine(Repo.Root, "seeds", seed)));
        int Count(UnitKind k) => units.Count(u => u.Kind == k);
        Assert.Equal([headlines, paragraphs, comments, captions, bylines],
            new[] { Count(UnitKind.Headline), Count(UnitKind.Paragraph), Count(UnitKind.Comment), Count(UnitKind.Caption), Count(UnitKind.Byline) });

        var body = units.Where(u => u.Kind is UnitKind.Headline or UnitKind.Paragraph or UnitKind.Comment)
            .Select(u => (u.KindName, Squeeze(u.Text))).ToList();
        Assert.Equal(RealUnits(seed), body);
        Assert.True(units.Zip(units.Skip(1)).All(p => p.First.Line < p.Second.Line), "units are in page order");
    }

    private static List<(string Kind, string Text)> RealUnits(string seed)
    {
        using var csv = CsvSource.Open(Path.Combine(Repo.Root, "data", "stance.csv"));
        int source = csv.ColumnIndex("source"), kind = csv.ColumnIndex("kind"), text = csv.ColumnIndex("text");
        return csv.Records().Where(r => r.Fields[source] == seed).Select(r => (r.Fields[kind], Squeeze(r.Fields[text]))).ToList();
    }

    private static string Squeeze(string s) => Regex.Replace(s, @"\s+", " ").Trim();
}
