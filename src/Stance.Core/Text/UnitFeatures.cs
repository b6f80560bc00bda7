using System.IO.Hashing;
using System.Text;

namespace Stance.Core.Text;

/// <summary>
/// What <see cref="UnitFilter"/> reads of a unit to tell text from page furniture: its shape (kind, length, final
/// punctuation, capitals, digits, function words), the segmenter's own cues, where it sits on the page and what is printed
/// beside it, and its first words hashed into buckets. Deterministic: the hash is XxHash32 of the words' UTF-8 bytes,
/// never string.GetHashCode, so the same unit gets the same features in every process.
/// </summary>
public static class UnitFeatures
{
    /// <summary>Buckets for the hashed words and word pairs of a unit's opening.</summary>
    public const int WordBuckets = 4096;

    /// <summary>How many of a unit's first words are hashed: a menu or promo shows itself early.</summary>
    private const int OpeningWords = 12;

    /// <summary>The features that are not hashed words, in this order (their index is their position).</summary>
    public static readonly string[] Named =
    [
        "bias", "kind:paragraph", "kind:comment",
        "words:1", "words:2", "words:3", "words:4-5", "words:6-8", "words:9-12", "words:13-20", "words:21-40", "words:41-80", "words:81+",
        "log-words", "log-chars",
        "ends-sentence", "ends-colon", "starts-lower", "starts-digit", "sentences:2+", "sentences:4+",
        "capitalized-share", "title-case", "all-caps", "digit-share", "function-word-share", "no-function-word",
        "cue:metadata", "cue:byline-or-date", "cue:byline", "cue:caption", "cue:trail", "cue:crosshead", "cue:opens-box",
        "cue:opens-appeal", "cue:ends-body", "cue:headline-shaped", "cue:prose", "cue:opens-body", "cue:author-bio", "cue:link-or-handle",
        "position", "position:first-tenth", "position:last-tenth", "position:last-third",
        "lines:1", "lines:2-3", "lines:4+", "copies:2+",
        "previous:blank", "previous:metadata", "previous:byline-or-date", "previous:ends-sentence", "previous:short",
        "next:blank", "next:metadata", "next:byline-or-date", "next:ends-sentence", "next:short",
    ];

    public static int Count => Named.Length + WordBuckets;

    private static readonly Dictionary<string, int> IndexOf = Named.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);

    /// <summary>
    /// Common English and Spanish function words: prose is full of them, menus, names and link titles are not.
    /// </summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "to", "in", "and", "or", "but", "is", "are", "was", "were", "be", "been", "has", "have", "had",
        "that", "this", "it", "its", "with", "for", "on", "at", "by", "from", "as", "not", "they", "their", "we", "our", "he",
        "she", "his", "her", "i", "you", "who", "which", "what", "would", "will", "can", "there", "than", "so", "if", "when",
        "el", "la", "los", "las", "de", "del", "que", "y", "en", "un", "una", "por", "para", "con", "no", "se", "es", "lo", "su", "al",
    };

    /// <summary>The segmenter's own line cues, each a 0/1 feature of the unit's text.</summary>
    private static readonly (string Name, Func<string, bool> Holds)[] Cues =
    [
        ("cue:metadata", PageCues.IsMetadata), ("cue:byline-or-date", PageCues.IsBylineOrDate), ("cue:byline", UnitCues.IsByline),
        ("cue:caption", UnitCues.IsCaption), ("cue:trail", PageCues.IsTrail), ("cue:crosshead", PageCues.IsCrosshead),
        ("cue:opens-box", PageCues.OpensBox), ("cue:opens-appeal", PageCues.OpensAppeal), ("cue:ends-body", PageCues.EndsBody),
        ("cue:headline-shaped", UnitCues.IsHeadline), ("cue:prose", PageCues.IsProse), ("cue:opens-body", PageCues.OpensBody),
        ("cue:author-bio", t => UnitCues.IsAuthorBio(t, false)),
    ];

    /// <summary>The unit's features: sorted indices below <see cref="Count"/> with their values.</summary>
    public static (int[] Index, float[] Value) Of(SavedPage page, UnitKind kind, string text, int line)
    {
        var features = new SortedDictionary<int, float>();
        void Set(string name, double value = 1) { if (value != 0) features[IndexOf[name]] = (float)value; }

        Set("bias");
        Set(kind == UnitKind.Comment ? "kind:comment" : "kind:paragraph");
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int n = words.Length;
        Set(n switch { <= 1 => "words:1", 2 => "words:2", 3 => "words:3", <= 5 => "words:4-5", <= 8 => "words:6-8", <= 12 => "words:9-12", <= 20 => "words:13-20", <= 40 => "words:21-40", <= 80 => "words:41-80", _ => "words:81+" });
        Set("log-words", Math.Log(1 + n) / 6);
        Set("log-chars", Math.Log(1 + text.Length) / 8);

        Set("ends-sentence", UnitCues.EndsSentence(text) ? 1 : 0);
        Set("ends-colon", text.EndsWith(':') ? 1 : 0);
        Set("starts-lower", text.Length > 0 && char.IsLower(text[0]) ? 1 : 0);
        Set("starts-digit", text.Length > 0 && char.IsDigit(text[0]) ? 1 : 0);
        int sentences = words.Count(w => w.Length > 1 && w[^1] is '.' or '!' or '?');
        Set("sentences:2+", sentences >= 2 ? 1 : 0);
        Set("sentences:4+", sentences >= 4 ? 1 : 0);

        var lettered = words.Where(w => char.IsLetter(w[0])).ToList();
        double capitalized = lettered.Count == 0 ? 0 : lettered.Count(w => char.IsUpper(w[0])) / (double)lettered.Count;
        Set("capitalized-share", capitalized);
        Set("title-case", lettered.Count >= 3 && capitalized > 0.5 ? 1 : 0);
        Set("all-caps", UnitCues.AllCapitals(text) ? 1 : 0);
        Set("digit-share", text.Length == 0 ? 0 : text.Count(char.IsDigit) / (double)text.Length);
        var lower = Words(text);
        double function = lower.Count == 0 ? 0 : lower.Count(FunctionWords.Contains) / (double)lower.Count;
        Set("function-word-share", function);
        Set("no-function-word", function == 0 ? 1 : 0);

        foreach (var (name, holds) in Cues) Set(name, holds(text) ? 1 : 0);
        Set("cue:link-or-handle", text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase) || text.Contains('@') ? 1 : 0);

        var (first, last) = page.Span(line, text);
        double position = page.Lines.Count <= 1 ? 0 : first / (double)(page.Lines.Count - 1);
        Set("position", position);
        Set("position:first-tenth", position < 0.1 ? 1 : 0);
        Set("position:last-tenth", position > 0.9 ? 1 : 0);
        Set("position:last-third", position > 2 / 3.0 ? 1 : 0);
        int spanned = Enumerable.Range(first, last - first + 1).Count(i => page.Lines[i].Length > 0);
        Set(spanned <= 1 ? "lines:1" : spanned <= 3 ? "lines:2-3" : "lines:4+");
        Set("copies:2+", page.Copies(page.Lines[first]) >= 2 ? 1 : 0);
        Beside("previous", first > 0 ? page.Lines[first - 1] : "", PreviousText(page, first));
        Beside("next", last + 1 < page.Lines.Count ? page.Lines[last + 1] : "", NextText(page, last));

        foreach (var bucket in OpeningBuckets(lower)) features[Named.Length + bucket] = 1;
        return ([.. features.Keys], [.. features.Values]);

        // The line right beside the unit (blank or not) and the nearest line with text on that side.
        void Beside(string side, string adjacent, string? nearest)
        {
            Set(side + ":blank", adjacent.Length == 0 ? 1 : 0);
            if (nearest is null) return;
            Set(side + ":metadata", PageCues.IsMetadata(nearest) ? 1 : 0);
            Set(side + ":byline-or-date", PageCues.IsBylineOrDate(nearest) ? 1 : 0);
            Set(side + ":ends-sentence", UnitCues.EndsSentence(nearest) ? 1 : 0);
            Set(side + ":short", PageCues.Words(nearest) <= 3 ? 1 : 0);
        }
    }

    private static string? PreviousText(SavedPage page, int first)
    {
        for (int i = first - 1; i >= 0; i--) if (page.Lines[i].Length > 0) return page.Lines[i];
        return null;
    }

    private static string? NextText(SavedPage page, int last)
    {
        for (int i = last + 1; i < page.Lines.Count; i++) if (page.Lines[i].Length > 0) return page.Lines[i];
        return null;
    }

    /// <summary>Lower-case words: runs of letters and digits.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (char c in text + " ")
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
        }
        return words;
    }

    /// <summary>The buckets of the opening's words and adjacent word pairs.</summary>
    private static IEnumerable<int> OpeningBuckets(List<string> words)
    {
        var opening = words.Take(OpeningWords).ToList();
        for (int i = 0; i < opening.Count; i++)
        {
            yield return Bucket("w " + opening[i]);
            if (i > 0) yield return Bucket("p " + opening[i - 1] + " " + opening[i]);
        }
    }

    private static int Bucket(string token) => (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(token)) % WordBuckets);
}
