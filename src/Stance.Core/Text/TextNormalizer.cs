using System.Text;

namespace Stance.Core.Text;

/// <summary>
/// Puts text in the one form the featurizer sees: Unicode NFKC, lower case (invariant culture),
/// every curly or angled quote folded to its straight form, and runs of white space kept as they are
/// (the tokenizer splits on them). NFKC already turns "…" into "..." and full-width letters into ASCII.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        if (text.Length == 0) return text;
        string nfkc = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        foreach (char c in nfkc) sb.Append(Fold(c));
        return sb.ToString();
    }

    /// <summary>Lower-cases one char and maps quote look-alikes to ' and ".</summary>
    public static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u0060' or '\u00B4' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
        _ => char.ToLowerInvariant(c),
    };
}
