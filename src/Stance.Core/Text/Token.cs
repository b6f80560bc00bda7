namespace Stance.Core.Text;

/// <summary>A token as a slice of the normalized text: no string is allocated per token.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind)
{
    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);

    /// <summary>Words, numbers, hashtags and mentions get character n-grams; punctuation does not.</summary>
    public bool IsWordLike => Kind != TokenKind.Punctuation;
}
