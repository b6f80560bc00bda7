using System.Globalization;

namespace Stance.Core.Features;

/// <summary>
/// The lengths of the character n-grams the featurizer adds to the word n-grams: Min..Max, or none (0–0).
/// </summary>
public readonly record struct CharNgramRange(int Min, int Max)
{
    public static readonly CharNgramRange Default = new(2, 5);
    public static readonly CharNgramRange None = new(0, 0);

    /// <summary>
    /// Up to this many training rows "auto" adds character 2–5-grams; above it, word n-grams alone. On large
    /// development sets of three kinds (pairs of real units, pairs of stance tweets, make_corpus.py text; 10,000 to
    /// 80,000 rows) word n-grams alone scored as well or better at a third to a quarter of the training time
    /// (docs/benchmarks.md, "ML.NET: tree trainers, peers, our rows, large data"); on small sets character
    /// n-grams carry misspellings and word forms that a few thousand rows cannot.
    /// </summary>
    public const int AutoRowLimit = 20_000;

    public bool IsNone => Max == 0;

    /// <summary>None (0–0), or 1 ≤ Min ≤ Max ≤ 8: what the featurizer accepts.</summary>
    public bool IsValid => this == None || Min >= 1 && Max >= Min && Max <= 8;

    public override string ToString() => IsNone ? "none" : $"{Min}-{Max}";

    /// <summary>What "auto" means for a training set of this many rows, and why, in words for the user.</summary>
    public static (CharNgramRange Range, string Reason) Auto(int rows) => rows <= AutoRowLimit
        ? (Default, $"auto: {rows:N0} rows ≤ {AutoRowLimit:N0}")
        : (None, $"auto: {rows:N0} rows > {AutoRowLimit:N0}, word n-grams alone read large sets as well at about a third of the time; --char-ngrams 2-5 to add them");

    /// <summary>Reads "none" or "MIN-MAX" (1 ≤ MIN ≤ MAX ≤ 8); null when the text is neither.</summary>
    public static CharNgramRange? Parse(string text)
    {
        if (text == "none") return None;
        var parts = text.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int min)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int max)
            && new CharNgramRange(min, max) is { IsValid: true, IsNone: false } range
            ? range : null;
    }
}
