namespace Stance.Core.Text;

public enum TokenKind : byte { Word, Number, Hashtag, Mention, Punctuation }
