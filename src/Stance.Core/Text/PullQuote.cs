namespace Stance.Core.Text;

/// <summary>
/// A pull quote: a short line wholly in quotation marks, no speaker named, whose words the article's text says
/// elsewhere ("“The grandmother in Marianao does not have another source of income.”" beside "… the grandmother in
/// Marianao does not."). Set in large type between paragraphs, it repeats the body rather than adding to it.
/// </summary>
internal static class PullQuote
{
    private const int MaxWords = 30;

    /// <summary>The share of the quote's words another, longer paragraph must hold.</summary>
    private const double SharedWords = 0.7;

    public static bool Is(Draft draft, IEnumerable<Draft> body)
    {
        string text = draft.Text.Trim();
        if (text.Contains('\n') || PageCues.Words(text) > MaxWords || text.Length < 2 || !IsOpeningQuote(text[0])) return false;
        string inner = text.TrimEnd('.', ' ');
        if (!IsClosingQuote(inner[^1]) || inner[1..^1].IndexOfAny(['“', '”', '"']) >= 0) return false;
        var words = WordsOf(inner);
        return words.Count >= 4 && body.Any(d => d != draft && d.Text.Length > text.Length
            && WordsOf(d.Text) is var other && words.Count(other.Contains) >= SharedWords * words.Count);
    }

    private static bool IsOpeningQuote(char c) => c is '“' or '"' or '«' or '‘';

    private static bool IsClosingQuote(char c) => c is '”' or '"' or '»' or '’';

    private static HashSet<string> WordsOf(string text) =>
        [.. text.Split((char[])[' ', '\n', ',', '.', ';', ':', '!', '?', '“', '”', '"', '«', '»', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('‘', '’', '\'').ToLowerInvariant()).Where(w => w.Length > 0)];
}
