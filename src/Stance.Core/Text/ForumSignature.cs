namespace Stance.Core.Text;

/// <summary>
/// A forum poster's signature: the lines under a post's separator ("__________", SMF's "Logged"), printed again under each of the
/// poster's posts ("Dave - Macon, GA" / "'56 Bel Air 2-door hardtop, …").
/// </summary>
internal static class ForumSignature
{
    /// <summary>The most lines a signature has.</summary>
    private const int MaxLines = 3;

    /// <summary>
    /// The texts of the lines the page sets under a separator, up to the next blank line or metadata: a signature that sits elsewhere
    /// (above an opening post's "Logged") is known by them.
    /// </summary>
    public static HashSet<string> Texts(List<PageLine> lines)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            if (!lines[i].HasText || !PageCues.SeparatesSignature(lines[i].Text)) continue;
            for (int k = i + 1; k < lines.Count && k <= i + MaxLines && lines[k].Role != LineRole.Blank; k++)
            {
                if (!lines[k].HasText) continue;
                if (PageCues.IsMetadata(lines[k].Text) || PageCues.SeparatesSignature(lines[k].Text)) break;
                texts.Add(lines[k].Text);
            }
        }
        texts.UnionWith(ClosingRepeats(lines));
        return texts;
    }

    /// <summary>
    /// A signature with no separator (MyBB): a post's last line of text, under a sentence of the post's text and over its metadata or action row
    /// ("Find   Reply   Quote"), printed the same at the foot of two posts or more ("'78 Vltava 350 + sidecar, Havana. Slowly."). Two readers'
    /// identical comments stand alone under their heads, with no text of the post above them.
    /// </summary>
    private static IEnumerable<string> ClosingRepeats(List<PageLine> lines) =>
        Enumerable.Range(1, Math.Max(0, lines.Count - 2))
            .Where(i => lines[i].HasText && PageCues.IsProse(lines[i].Text) && !PageCues.IsMetadata(lines[i].Text)
                && lines[i - 1].HasText && !PageCues.IsMetadata(lines[i - 1].Text) && PageCues.IsProse(lines[i - 1].Text) && UnitCues.EndsSentence(lines[i - 1].Text)
                && (!lines[i + 1].HasText && lines[i + 1].Role != LineRole.Blank || lines[i + 1].HasText && PageCues.IsMetadata(lines[i + 1].Text)))
            .GroupBy(i => lines[i].Text, StringComparer.Ordinal).Where(g => g.Count() >= 2).Select(g => g.Key);
}
