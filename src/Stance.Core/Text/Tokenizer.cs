namespace Stance.Core.Text;

/// <summary>
/// Splits normalized text into words (letters, digits and combining marks, with inner ' or - joining
/// letters: "don't", "pro-government"), numbers ("410.8", "553,000"), #hashtags, @mentions, runs of
/// sentence punctuation ("!!", "?!", "...") as one token, and every other symbol as a token of its own.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<Token>(text.Length / 4 + 4);
        Tokenize(text, tokens);
        return tokens;
    }

    public static void Tokenize(ReadOnlySpan<char> text, List<Token> tokens)
    {
        tokens.Clear();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || char.IsControl(c)) { i++; continue; }
            int start = i;
            if (IsWordChar(c))
            {
                bool allDigits = true;
                i = ScanWord(text, i, ref allDigits);
                tokens.Add(new Token(start, i - start, allDigits ? TokenKind.Number : TokenKind.Word));
            }
            else if ((c == '#' || c == '@') && i + 1 < text.Length && IsWordChar(text[i + 1]))
            {
                bool allDigits = true;
                i = ScanWord(text, i + 1, ref allDigits);
                tokens.Add(new Token(start, i - start, c == '#' ? TokenKind.Hashtag : TokenKind.Mention));
            }
            else if (IsSentencePunctuation(c))
            {
                while (i < text.Length && IsSentencePunctuation(text[i])) i++;
                tokens.Add(new Token(start, i - start, TokenKind.Punctuation));
            }
            else
            {
                i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                tokens.Add(new Token(start, i - start, TokenKind.Punctuation));
            }
        }
    }

    private static int ScanWord(ReadOnlySpan<char> text, int i, ref bool allDigits)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (IsWordChar(c))
            {
                if (!char.IsDigit(c)) allDigits = false;
                i++;
                continue;
            }
            // A joiner stays inside the token only between two word chars of the right sort:
            // ' and - between letters ("don't"), . and , between digits ("410.8").
            bool next = i + 1 < text.Length && IsWordChar(text[i + 1]);
            if (next && (c == '\'' || c == '-') && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1])) { i++; continue; }
            if (next && (c == '.' || c == ',') && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1])) { i++; continue; }
            break;
        }
        return i;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static bool IsSentencePunctuation(char c) => c is '!' or '?' or '.' or '\u00A1' or '\u00BF';
}
