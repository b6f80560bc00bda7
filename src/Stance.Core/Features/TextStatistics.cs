using Stance.Core.Text;

namespace Stance.Core.Features;

/// <summary>
/// Dense statistics of a text for the tree learners: length, sentences, question and exclamation marks,
/// quotes, share of capitals, negations, second-person address, and — per class — how many of the
/// class's "loaded words" the text uses. Loaded words are learned from the training rows: the words
/// with the highest smoothed log-count ratio log((n_wc + 1)/(N_c + V)) − log((n_w¬c + 1)/(N_¬c + V))
/// for a class (Wang and Manning 2012's NB weighting), among words seen at least MinCount times that
/// lean toward the class (ratio above 0).
/// </summary>
public sealed class TextStatistics
{
    public const int PerClassWords = 40;
    public const int MinCount = 3;
    private static readonly HashSet<string> Negations = ["not", "no", "never", "n't", "nothing", "nobody", "none", "neither", "nor", "cannot", "without", "nunca", "nada", "sin", "ni"];
    private static readonly HashSet<string> SecondPerson = ["you", "your", "you're", "yours", "yourself", "u", "ur", "usted", "tú", "tu", "ustedes"];
    private readonly HashSet<string>[] _loaded;

    /// <summary>Loaded words per class, in class order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> LoadedWords { get; }

    public TextStatistics(IReadOnlyList<IReadOnlyList<string>> loadedWords)
    {
        LoadedWords = loadedWords;
        _loaded = loadedWords.Select(w => new HashSet<string>(w, StringComparer.Ordinal)).ToArray();
    }

    public int Count => 9 + 2 * _loaded.Length;

    public static TextStatistics Fit(IReadOnlyList<string> texts, int[] y, int classes)
    {
        var perClass = Enumerable.Range(0, classes).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var classTokens = new long[classes];
        for (int i = 0; i < texts.Count; i++)
            foreach (var w in Words(texts[i]))
            {
                perClass[y[i]][w] = perClass[y[i]].GetValueOrDefault(w) + 1;
                total[w] = total.GetValueOrDefault(w) + 1;
                classTokens[y[i]]++;
            }
        long all = classTokens.Sum();
        int v = total.Count;
        var loaded = new List<IReadOnlyList<string>>();
        for (int c = 0; c < classes; c++)
        {
            var scored = new List<(string Word, double Ratio)>();
            foreach (var (w, n) in total)
            {
                if (n < MinCount) continue;
                int inC = perClass[c].GetValueOrDefault(w);
                double ratio = Math.Log((inC + 1.0) / (classTokens[c] + v)) - Math.Log((n - inC + 1.0) / (all - classTokens[c] + v));
                if (ratio > 0) scored.Add((w, ratio));   // only words that lean toward the class
            }
            loaded.Add(scored.OrderByDescending(s => s.Ratio).ThenBy(s => s.Word, StringComparer.Ordinal).Take(PerClassWords).Select(s => s.Word).ToList());
        }
        return new TextStatistics(loaded);
    }

    /// <summary>Writes the statistics of one text into <paramref name="into"/> (length <see cref="Count"/>).</summary>
    public void Compute(string text, Span<float> into)
    {
        string normalized = TextNormalizer.Normalize(text);
        var tokens = Tokenizer.Tokenize(normalized);
        int letters = 0, capitals = 0, questions = 0, exclamations = 0, quotes = 0, sentences = 0;
        foreach (char ch in text)
        {
            if (char.IsLetter(ch)) { letters++; if (char.IsUpper(ch)) capitals++; }
            if (ch == '?') questions++;
            else if (ch == '!') exclamations++;
            else if (ch is '"' or '“' or '”' or '«' or '»') quotes++;
        }
        int words = 0, negations = 0, second = 0;
        var loadedHits = new int[_loaded.Length];
        foreach (var t in tokens)
        {
            var s = t.Of(normalized);
            if (t.Kind == TokenKind.Punctuation) { if (s.IndexOfAny('.', '!', '?') >= 0) sentences++; continue; }
            words++;
            string w = s.ToString();
            if (Negations.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal)) negations++;
            if (SecondPerson.Contains(w)) second++;
            for (int c = 0; c < _loaded.Length; c++) if (_loaded[c].Contains(w)) loadedHits[c]++;
        }
        int i = 0;
        into[i++] = (float)Math.Log(1 + text.Length);
        into[i++] = words;
        into[i++] = Math.Max(1, sentences);
        into[i++] = questions;
        into[i++] = exclamations;
        into[i++] = quotes;
        into[i++] = letters == 0 ? 0 : (float)capitals / letters;
        into[i++] = negations;
        into[i++] = second;
        for (int c = 0; c < _loaded.Length; c++) into[i++] = loadedHits[c];
        for (int c = 0; c < _loaded.Length; c++) into[i++] = words == 0 ? 0 : (float)loadedHits[c] / words;
    }

    private static IEnumerable<string> Words(string text)
    {
        string normalized = TextNormalizer.Normalize(text);
        foreach (var t in Tokenizer.Tokenize(normalized))
            if (t.Kind == TokenKind.Word) yield return normalized.Substring(t.Start, t.Length);
    }
}
