using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// A forwarded e-mail saved as a page: the forwarder's note sits above the forward separator ("---------- Forwarded message
/// ---------", "-----Original Message-----", "Begin forwarded message:"), the forwarded text below it. The note is a reader's
/// remark on that text, so its prose is a comment; the page's headline and body are read from the forwarded part alone.
/// </summary>
internal static partial class ForwardedMail
{
    /// <summary>The index of the first forward separator among <paramref name="lines"/>, or null when there is none.</summary>
    public static int? SeparatorAt(List<PageLine> lines)
    {
        int at = lines.FindIndex(l => Separator().IsMatch(l.Text));
        return at < 0 ? null : at;
    }

    /// <summary>The note's comments: its prose, the outer headers and the sender's signature ("Bea") left out.</summary>
    public static IEnumerable<ArticleUnit> Note(IEnumerable<PageLine> above) =>
        CommentSection.Read(above).Select(d => new ArticleUnit(UnitKind.Comment, d.Text, d.Line));

    [GeneratedRegex(@"(?i)^(?:[-_=*]{2,}\s*(?:forwarded message|original message|begin forwarded message:?)\s*[-_=*]{2,}|begin forwarded message:)$")]
    private static partial Regex Separator();
}
