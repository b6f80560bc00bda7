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
        return texts;
    }
}
