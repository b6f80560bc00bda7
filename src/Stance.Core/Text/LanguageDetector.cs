using System.Globalization;
using System.Text;

namespace Stance.Core.Text;

/// <summary>
/// Tells which language a unit is in, enough to keep the model to what it was trained on (English):
/// "en", "es", "pt", "fr", "it", "de", "ca", "nl", or the script for text not in Latin letters ("cyrillic",
/// "greek", "arabic", "cjk", …). Evidence per word: a function word of a language (the embedded lists,
/// Text/LanguageWords.txt) votes for it, split among the languages that share it; any other lower-case word
/// of four letters or more votes a quarter for the language whose character-trigram profile (built from the
/// same lists) explains it clearly best, and letters English does not use (ñ, ã, ß, ç, è, …) vote for the
/// languages that do. Words capitalized in mid-sentence are names more often than not ("Díaz-Canel",
/// "Los Van Van") and do not vote, unless the whole text is in capitals. A text says something other than English only when that language leads
/// English by a margin, so a short English comment full of Spanish names stays English; a text with no
/// letters is English by default (there is nothing to refuse it for).
/// </summary>
public static class LanguageDetector
{
    public const string English = "en";
    private const string ResourceName = "Stance.Core.Text.LanguageWords.txt";
    /// <summary>How many votes another language needs above English.</summary>
    private const double Margin = 1.0;
    /// <summary>How much better (mean log-probability per trigram) the best profile must explain a content word for it to vote.</summary>
    private const double TrigramLead = 0.3;

    /// <summary>Letters that English words do not use and that mark a few languages (a vote split among them, per word).</summary>
    private static readonly (System.Buffers.SearchValues<char> Letters, string[] Languages)[] Marks =
    [
        (System.Buffers.SearchValues.Create("ñ¿¡"), ["es"]),
        (System.Buffers.SearchValues.Create("ãõ"), ["pt"]),
        (System.Buffers.SearchValues.Create("ßäöü"), ["de"]),
        (System.Buffers.SearchValues.Create("œêâîûëï"), ["fr"]),
        (System.Buffers.SearchValues.Create("ç"), ["pt", "fr", "ca"]),
        (System.Buffers.SearchValues.Create("àèìòù"), ["it", "ca", "fr"]),
        (System.Buffers.SearchValues.Create("áíóú"), ["es", "pt", "ca"]),
    ];

    private static readonly (string Code, HashSet<string> Words, Dictionary<string, double> Trigrams, double Floor)[] Languages = Load();
    private static readonly Dictionary<string, int> Sharing = Languages.SelectMany(l => l.Words).GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
    private static readonly int EnglishIndex = Array.FindIndex(Languages, l => l.Code == English);
    /// <summary>Per mark, the indices of its languages (the marks' codes looked up once, not per word).</summary>
    private static readonly int[][] MarkLanguages = Marks.Select(m => m.Languages.Select(c => Array.FindIndex(Languages, l => l.Code == c)).ToArray()).ToArray();

    /// <summary>
    /// Every trigram of any profile with its log-probability in each language (that language's floor where it lacks it):
    /// a content word costs one lookup per trigram, not one per trigram and language, and no substring is allocated.
    /// </summary>
    private static readonly Dictionary<string, double[]>.AlternateLookup<ReadOnlySpan<char>> TrigramTable = BuildTrigramTable();

    /// <summary>The language code of the text (see the class summary).</summary>
    public static string Detect(string text)
    {
        if (ScriptOf(text) is { } script) return script;
        var words = Words(text);
        bool allCaps = words.All(w => w.Word.All(c => !char.IsLetter(c) || char.IsUpper(c)));
        var votes = new double[Languages.Length];
        Span<double> scores = stackalloc double[Languages.Length];
        foreach (var (word, capitalized) in words)
        {
            // A capitalized word in mid-sentence is a name ("Los Van Van", "De la Cruz", a Title Case headline).
            if (capitalized && !allCaps) continue;
            string w = word.ToLowerInvariant();
            if (Sharing.TryGetValue(w, out int shared))
            {
                for (int l = 0; l < Languages.Length; l++) if (Languages[l].Words.Contains(w)) votes[l] += 1.0 / shared;
                continue;
            }
            for (int m = 0; m < Marks.Length; m++)
                if (w.AsSpan().IndexOfAny(Marks[m].Letters) >= 0)
                    foreach (int l in MarkLanguages[m]) votes[l] += 1.0 / MarkLanguages[m].Length;
            if (w.Length < 4) continue;
            // A content word: a weak vote for the language whose letter patterns explain it clearly best.
            TrigramScores(w, scores);
            int best = 0;
            for (int l = 1; l < scores.Length; l++) if (scores[l] > scores[best]) best = l;
            bool clear = true;
            for (int l = 0; l < scores.Length && clear; l++) clear = l == best || scores[best] - scores[l] > TrigramLead;
            if (clear) votes[best] += 0.25;
        }
        int english = EnglishIndex, top = english;
        for (int l = 0; l < votes.Length; l++) if (votes[l] > votes[top]) top = l;
        return top != english && votes[top] >= votes[english] + Margin ? Languages[top].Code : English;
    }

    /// <summary>The script's name when most letters are not Latin; null for Latin text.</summary>
    private static string? ScriptOf(string text)
    {
        var counts = new Dictionary<string, int>();
        int letters = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune)) continue;
            letters++;
            string script = rune.Value switch
            {
                < 0x0250 => "latin",
                >= 0x0370 and < 0x0400 => "greek",
                >= 0x0400 and < 0x0530 => "cyrillic",
                >= 0x0590 and < 0x0600 => "hebrew",
                >= 0x0600 and < 0x0780 => "arabic",
                >= 0x3040 and < 0x3100 or >= 0x4E00 and < 0xA000 or >= 0xAC00 and < 0xD7B0 => "cjk",
                >= 0x1E00 and < 0x1F00 => "latin",
                _ => "other",
            };
            counts[script] = counts.GetValueOrDefault(script) + 1;
        }
        if (letters == 0) return null;
        var (name, n) = counts.MaxBy(p => p.Value);
        return name != "latin" && n * 2 > letters ? name : null;
    }

    /// <summary>The words, each with whether it is capitalized in mid-sentence (the first word of a sentence is not counted as capitalized).</summary>
    private static List<(string Word, bool Capitalized)> Words(string text)
    {
        var words = new List<(string, bool)>();
        var sb = new StringBuilder();
        bool sentenceStart = true;
        void Flush()
        {
            if (sb.Length == 0) return;
            words.Add((sb.ToString(), char.IsUpper(sb[0]) && !sentenceStart));
            sentenceStart = false;
            sb.Clear();
        }
        foreach (char c in text)
        {
            if (char.IsLetter(c) || c == '\'' && sb.Length > 0) sb.Append(c);
            else
            {
                Flush();
                if (c is '.' or '!' or '?' or ':' or '¡' or '¿' or '"' or '“' or '«' or '\n') sentenceStart = true;
            }
        }
        Flush();
        return words;
    }

    /// <summary>Per language, the mean log-probability of the word's trigrams (the word padded with a space each side).</summary>
    private static void TrigramScores(string word, Span<double> scores)
    {
        Span<char> padded = word.Length <= 256 ? stackalloc char[word.Length + 2] : new char[word.Length + 2];
        padded[0] = ' ';
        word.AsSpan().CopyTo(padded[1..]);
        padded[^1] = ' ';
        scores.Clear();
        for (int i = 0; i + 3 <= padded.Length; i++)
        {
            if (TrigramTable.TryGetValue(padded.Slice(i, 3), out var p))
                for (int l = 0; l < scores.Length; l++) scores[l] += p[l];
            else
                for (int l = 0; l < scores.Length; l++) scores[l] += Languages[l].Floor;
        }
        for (int l = 0; l < scores.Length; l++) scores[l] /= padded.Length - 2;
    }

    private static Dictionary<string, double[]>.AlternateLookup<ReadOnlySpan<char>> BuildTrigramTable()
    {
        var table = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var trigram in Languages.SelectMany(l => l.Trigrams.Keys).Distinct())
            table[trigram] = Languages.Select(l => l.Trigrams.TryGetValue(trigram, out double p) ? p : l.Floor).ToArray();
        return table.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static (string, HashSet<string>, Dictionary<string, double>, double)[] Load()
    {
        using var stream = typeof(LanguageDetector).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing resource {ResourceName}");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var result = new List<(string, HashSet<string>, Dictionary<string, double>, double)>();
        string? code = null;
        var words = new HashSet<string>();
        void Close()
        {
            if (code is null) return;
            var counts = new Dictionary<string, int>();
            foreach (var w in words)
            {
                string padded = " " + w + " ";
                for (int i = 0; i + 3 <= padded.Length; i++) counts[padded.Substring(i, 3)] = counts.GetValueOrDefault(padded.Substring(i, 3)) + 1;
            }
            // Add-one smoothing over the trigrams seen plus one unseen bucket.
            double total = counts.Values.Sum() + counts.Count + 1;
            result.Add((code, words, counts.ToDictionary(p => p.Key, p => Math.Log((p.Value + 1) / total)), Math.Log(1 / total)));
        }
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            line = line.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (line.StartsWith("== ", StringComparison.Ordinal))
            {
                Close();
                (code, words) = (line[3..].Trim(), new HashSet<string>(StringComparer.Ordinal));
                continue;
            }
            foreach (var w in line.Split(' ', StringSplitOptions.RemoveEmptyEntries)) words.Add(w.ToLower(CultureInfo.InvariantCulture));
        }
        Close();
        return result.ToArray();
    }
}
