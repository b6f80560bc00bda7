using Stance.Core.Text;
using Stance.Core.Common;

namespace Stance.Tests;

/// <summary>
/// The language detector on labeled samples written for this project (Fixtures/language: English, Spanish,
/// other languages). The first sample was read while the word lists were extended; heldout/ was written
/// afterwards by someone who had not seen the detector, so its floors are the honest ones.
/// </summary>
public class LanguageDetectorTests
{
    private static string[] Lines(string file) => File.ReadAllLines(Cli.Fixture(Path.Combine("language", file)));

    private static double Share(string file, Func<string, bool> right) => Lines(file).Count(l => right(LanguageDetector.Detect(l))) / (double)Lines(file).Length;

    [Theory]
    [InlineData("", 1.00, 0.85, 0.90)]
    [InlineData("heldout", 0.97, 0.80, 0.85)]
    public void SamplesAreLabeledAboveTheirFloors(string folder, double english, double spanish, double other)
    {
        Assert.True(Lines(Path.Combine(folder, "en.txt")).Length >= 100);
        Assert.InRange(Share(Path.Combine(folder, "en.txt"), d => d == "en"), english, 1.0);
        Assert.InRange(Share(Path.Combine(folder, "es.txt"), d => d == "es"), spanish, 1.0);
        Assert.InRange(Share(Path.Combine(folder, "other.txt"), d => d is not ("en" or "es")), other, 1.0);
    }

    [Fact]
    public void EveryRealEnglishUnitOfTheCorpusIsEnglish()
    {
        var texts = LabeledData.Load(Path.Combine(Repo.Root, "data", "stance.csv"), "text", ["stance"]).Texts;
        Assert.All(texts, t => Assert.Equal("en", LanguageDetector.Detect(t)));
    }

    [Theory]
    [InlineData("La dictadura lleva 65 años prometiendo lo mismo", "es")]
    [InlineData("Díaz-Canel met officials in Santiago de Cuba and Holguín on Tuesday.", "en")]
    [InlineData("Los Van Van playing in Madrid next month, anybody going?", "en")]
    [InlineData("O governo anunciou novos cortes de energia em Havana.", "pt")]
    [InlineData("Путин встретился с президентом Кубы", "cyrillic")]
    [InlineData("2025 🇨🇺🇨🇺", "en")]
    [InlineData("", "en")]
    public void KnownCases(string text, string expected) => Assert.Equal(expected, LanguageDetector.Detect(text));
}
