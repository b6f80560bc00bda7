using Stance.Core.Text;

namespace Stance.Tests;

/// <summary>
/// One test per segmentation rule, each on lines cut from a real seed page. Units are written as
/// "kind@line" with lines counted from the start of the cut.
/// </summary>
public class SegmenterTests
{
    /// <summary>Lines <paramref name="from"/>..<paramref name="to"/> (1-based, inclusive) of seed <paramref name="number"/>.</summary>
    private static string Seed(string number, int from, int to)
    {
        var path = Directory.GetFiles(Path.Combine(Repo.Root, "seeds"), number + "_*.txt").Single();
        return string.Join('\n', File.ReadAllLines(path)[(from - 1)..to]);
    }

    private static IReadOnlyList<ArticleUnit> Segment(string page) => new ArticleSegmenter().Segment(page);

    private static string Shape(IEnumerable<ArticleUnit> units) => string.Join(" ", units.Select(u => $"{u.KindName}@{u.Line}"));

    [Fact]
    public void AdsAndCopyrightLinesAreDropped()
    {
        // 000 L20-L26: paragraph, paragraph, "© Miami Herald", "- Advertisement -" without a final newline.
        var units = Segment(Seed("000", 20, 26));
        Assert.Equal("paragraph@1 paragraph@3", Shape(units));
    }

    [Fact]
    public void FollowUsLinesAndPrevNextLinksAreDropped()
    {
        // 002 L28-L34: the last paragraph, "For Latest Updates Follow us on Google News", then PREV/NEXT links.
        Assert.Equal("paragraph@1", Shape(Segment(Seed("002", 28, 34))));
    }

    [Fact]
    public void AnUpperCaseNextLinkIsDroppedButAParagraphOpeningWithNextIsKept()
    {
        var units = Segment(Seed("002", 34, 34) + "\n\nNext week, the minister is expected in Caracas.");
        Assert.Equal("paragraph@3", Shape(units));
    }

    [Fact]
    public void SourceLinesAreDropped()
    {
        // 003 L27-L31: the last paragraph, the bio, "Source: WT".
        Assert.Equal("paragraph@1 byline@3", Shape(Segment(Seed("003", 27, 31))));
    }

    [Fact]
    public void CommentFormTextAndTheCommentsHeaderAreNotUnits()
    {
        // 004 L14-L18: paragraph, bio, "COMMENTS", "Please let us know if you're having issues with commenting."
        var units = Segment(Seed("004", 14, 18));
        Assert.Equal("paragraph@1 byline@2", Shape(units));
    }

    [Fact]
    public void ThoughtsOnHeaderAndCommentsAreClosedAreNotUnits()
    {
        // 001 L28-L31 and L104-L108: last paragraph, "11 thoughts on “...", two comments, "Comments are closed."
        var units = Segment(Seed("001", 28, 31) + "\n" + Seed("001", 104, 108));
        Assert.Equal("paragraph@1 comment@5 comment@7", Shape(units));
        Assert.DoesNotContain(units, u => u.Text.Contains("thoughts on") || u.Text.Contains("Comments are closed"));
    }

    [Fact]
    public void AHeadlinePrintedThreeTimesIsOneHeadline()
    {
        // 002 L1-L6: the headline, a blank line, the headline twice more, the first paragraph.
        var units = Segment(Seed("002", 1, 6));
        Assert.Equal("headline@1 paragraph@6", Shape(units));
    }

    [Fact]
    public void ACaptionPrintedTwiceIsOneCaption()
    {
        // 001 L5-L6: "Alejandro Castro Espín is a colonel at the Ministry of Interior." twice.
        var units = Segment(Seed("001", 8, 8) + "\n\n" + Seed("001", 5, 6));
        Assert.Equal("paragraph@1 caption@3", Shape(units));
        Assert.Equal("Alejandro Castro Espín is a colonel at the Ministry of Interior.", units[1].Text);
    }

    [Fact]
    public void ARepeatedLineGluedToTheEndOfAParagraphStandsApartAsACaption()
    {
        // 001 L8-L20: L9 (the Patrushev caption) follows L8 with no blank line; L19-L20 print it twice more.
        var units = Segment(Seed("001", 8, 20));
        Assert.Equal("paragraph@1 caption@2 paragraph@4 paragraph@6 paragraph@8 paragraph@10", Shape(units));
        Assert.EndsWith("on national security.", units[0].Text);
    }

    [Fact]
    public void OneParagraphPerLineWithoutBlankLines()
    {
        // 004 L1-L4: four long sentence-ending lines, no blank line between them.
        Assert.Equal("paragraph@1 paragraph@2 paragraph@3 paragraph@4", Shape(Segment(Seed("004", 1, 4))));
    }

    [Fact]
    public void ShortSentenceLinesOfABlockWithNoWrappedLineAreParagraphsEach()
    {
        // 001 L17 (95 characters) and 000 L18 (101): short one-line paragraphs with no blank line between.
        Assert.Equal("paragraph@1 paragraph@2", Shape(Segment(Seed("001", 17, 17) + "\n" + Seed("000", 18, 18))));
    }

    [Fact]
    public void HardWrappedLinesAreJoinedEvenWhenAShortLineEndsASentence()
    {
        // 001 L97-L100: wrapped at about 80 columns; L97 ends a sentence but is short, so the block is one paragraph.
        var units = Segment(Seed("001", 97, 100));
        Assert.Equal("paragraph@1", Shape(units));
        Assert.Equal("Often you see comments here in support of the Cuban government. Those who make those comments are motivated "
            + "only by their opposition to their own government (USA) policy against Cuba. This is very different from caring "
            + "about Cuba moving forward.", units[0].Text);
    }

    [Fact]
    public void TheFirstShortLineWithoutFinalPeriodIsTheHeadline()
    {
        // 003 L1-L3: the headline, then the first paragraph.
        var units = Segment(Seed("003", 1, 3));
        Assert.Equal("headline@1 paragraph@3", Shape(units));
        Assert.Equal("New concessions in Cuba-Russia alliance show how little has changed since Cold War", units[0].Text);
    }

    [Fact]
    public void AHeadlineIsFoundWithoutABlankLineAfterIt()
    {
        Assert.Equal("headline@1 paragraph@2", Shape(Segment(Seed("002", 1, 1) + "\n" + Seed("002", 6, 6))));
    }

    [Fact]
    public void APageOpeningWithAParagraphHasNoHeadline()
    {
        // 004 L1 is a long sentence, not a headline.
        Assert.Equal("paragraph@1 paragraph@2", Shape(Segment(Seed("004", 1, 2))));
    }

    [Fact]
    public void APhotoCaptionWithCreditIsACaption()
    {
        // 000 L1-L6: headline, "HAVANA, CUBA - APRIL 19: ... (Photo by Adalberto Roque-Pool/Getty Images)", an ad, a paragraph.
        var units = Segment(Seed("000", 1, 6));
        Assert.Equal("headline@1 caption@3 paragraph@6", Shape(units));
        Assert.EndsWith("(Photo by Adalberto Roque-Pool/Getty Images)", units[1].Text);
        // Without its credit the agency dateline "HAVANA, CUBA - APRIL 19:" still marks it.
        var dateline = Seed("000", 3, 3).Replace(" (Photo by Adalberto Roque-Pool/Getty Images)", "");
        Assert.Equal("caption@1", Shape(Segment(dateline)));
    }

    [Fact]
    public void WindowsLineEndingsGiveTheSameUnits()
    {
        var page = Seed("001", 1, 108);
        Assert.Equal(Segment(page), Segment(page.Replace("\n", "\r\n")));
    }

    [Fact]
    public void AByLineIsAByline()
    {
        // 001 L1-L3: headline, "By Progreso Weekly".
        var units = Segment(Seed("001", 1, 3) + "\n\n" + Seed("001", 8, 8));
        Assert.Equal("headline@1 byline@3 paragraph@5", Shape(units));
    }

    [Fact]
    public void AuthorBiosAtTheEndAreBylines()
    {
        // 003 L29 opens with a bullet: "• Jeffrey Scott Shapiro is the former director ..."; the bullet is not part of the text.
        var bullet = Segment(Seed("003", 27, 29));
        Assert.Equal("paragraph@1 byline@3", Shape(bullet));
        Assert.StartsWith("Jeffrey Scott Shapiro is the former director", bullet[1].Text);
        // 004 L15: "Christian K. Caruzo is a Venezuelan writer ... You can follow him on Twitter here."
        Assert.Equal("paragraph@1 byline@2", Shape(Segment(Seed("004", 14, 15))));
        // A dash-led bio, as other pages print it.
        Assert.Equal("paragraph@1 byline@3", Shape(Segment(Seed("003", 27, 27) + "\n\n– " + Seed("003", 29, 29)[2..])));
    }

    [Fact]
    public void ABioShapedParagraphInsideTheBodyStaysAParagraph()
    {
        // 004 L15 followed by L14: only the end of the body holds bios.
        Assert.Equal("paragraph@1 paragraph@2", Shape(Segment(Seed("004", 15, 15) + "\n" + Seed("004", 14, 14))));
    }

    [Fact]
    public void EachBulletStartsOneCommentThatJoinsItsParagraphsAndWrappedLines()
    {
        // 001 L30-L62: header, comments 1-7; comment 1 has seven paragraphs, comment 7 (L60-L83) is hard-wrapped.
        var units = Segment(Seed("001", 28, 108));
        var comments = units.Where(u => u.Kind == UnitKind.Comment).ToList();
        Assert.Equal(11, comments.Count);
        Assert.Equal([32, 48, 50, 52, 56, 58, 60, 85, 97, 104, 106], comments.Select(c => c.Line + 27));
        Assert.StartsWith("You wrote, “The Cuban government today", comments[0].Text);
        Assert.EndsWith("than any US gunboat diplomacy will.", comments[0].Text);
        Assert.StartsWith("What are the Russians and the Cuban sharing? O should I ask what are the Russian Oligarchies", comments[6].Text);
        Assert.EndsWith("they will give away their meal today before stop talking.", comments[6].Text);
        Assert.All(comments, c => Assert.DoesNotContain("  ", c.Text));
        Assert.All(comments, c => Assert.DoesNotContain("•", c.Text));
    }

    [Fact]
    public void ANumberOfCommentsHeaderOpensTheCommentSection()
    {
        var units = Segment(Seed("001", 28, 28) + "\n\n2 Comments\n\n" + Seed("001", 104, 106));
        Assert.Equal("paragraph@1 comment@5 comment@7", Shape(units));
    }

    [Fact]
    public void ACommentCountAboveTheBodyDoesNotOpenTheCommentSection()
    {
        var units = Segment(Seed("003", 1, 1) + "\n11 Comments\n\n" + Seed("003", 3, 5));
        Assert.Equal("headline@1 paragraph@4 paragraph@6", Shape(units));
    }

    [Fact]
    public void CommentsWithoutBulletsAreOneCommentPerParagraph()
    {
        // 001 L104-L106 with the bullets taken off.
        var units = Segment(Seed("001", 28, 30) + "\n\n" + Seed("001", 104, 106).Replace("  • ", ""));
        Assert.Equal("paragraph@1 comment@5 comment@7", Shape(units));
    }
}
