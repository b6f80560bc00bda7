using System.Globalization;
using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>The comment section of a page, read into one draft per reader's comment.</summary>
internal static partial class CommentSection
{
    /// <summary>
    /// The comments: runs of prose between metadata. A bullet starts a comment; blank lines do not end one,
    /// unless the section has no metadata and no bullets at all (nothing then tells a comment's paragraphs from the next
    /// comment, so each paragraph is one). The line after a quote introducer ("… said:", "Originally Posted
    /// by …") is the quoted post, and the lines under a signature separator are the poster's signature: both left out.
    /// </summary>
    public static List<Draft> Read(IEnumerable<PageLine> section)
    {
        var lines = section.ToList();
        bool framed = lines.Any(l => l.Bullet || l.HasText && !IsCommentText(l) && !PageCues.EndsComments(l.Text));
        var drafts = new List<Draft>();
        var comment = new List<PageLine>();
        bool quoted = false, signed = false, afterText = false;
        var signatures = ForumSignature.Texts(lines);
        // The comments closed by their own metadata on the next line ("3 days ago · Reply"), not by a blank line.
        var closed = new HashSet<int>();
        for (int at = 0; at < lines.Count; at++)
        {
            var raw = lines[at];
            if (raw.Role == LineRole.Blank)
            {
                if (!framed) ParagraphSplitter.Flush(comment, drafts);
                signed = afterText = false;
                continue;
            }
            // A signature: from its separator ("__________", "--") to the post's metadata or a blank line; an ad set between the
            // replies ("Sponsored by X" over its pitch) runs as far.
            // A promoted post's label under its pitch ("Ad" below "Send money to …", no reply's text after it): the pitch is no reply.
            if (comment.Count > 0 && PageCues.IsAdLabel(raw.Text) && !AboveText(lines, at)) { comment.Clear(); continue; }
            if (PageCues.SeparatesSignature(raw.Text) || PageCues.OpensSponsored(raw.Text)) { ParagraphSplitter.Flush(comment, drafts); signed = true; continue; }
            // A signature of several lines after SMF's "Logged" ("Dave - Macon, GA" over "'56 Bel Air …") runs to the next poster's metadata;
            // one with no separator closes the post's text (ForumSignature).
            if ((signed || comment.Count > 0) && raw.HasText && !PageCues.IsMetadata(raw.Text) && signatures.Contains(raw.Text)) continue;
            // A line quoting an earlier reply in Markdown or e-mail ("> why do packages for Havana arrive?") is not the reply's own text;
            // under a quote's introducer ("On Tue, …, X wrote:") those lines are the quote, and the reply's own text follows them.
            if (raw.HasText && raw.Text.StartsWith("> ", StringComparison.Ordinal)) { quoted = false; continue; }
            if (signed && raw.HasText && IsCommentText(raw)) continue;
            signed = false;
            // A closing line printed again below ("Add a comment" under every answer of a Q&A) is each post's control, not the thread's end;
            // a comment form or login notice set above the comments ("Leave a Reply" under "6 Comments", "You must be logged in to join
            // the discussion.", then dated comments) is not their end either, nor a comment.
            // Nor is a link to more of one answer's comments ("Ver más comentarios") with another answer's count of comments below it ("Comentarios (1)").
            if (raw.Text.Length > 0 && raw.Role != LineRole.CommentHeader && PageCues.EndsComments(raw.Text) && !lines.Skip(at + 1).Any(b => b.Text == raw.Text)
                && !(MoreComments().IsMatch(raw.Text) && lines.Skip(at + 1).Any(b => b.Role == LineRole.CommentHeader && b.Text.Any(char.IsDigit))))
            {
                if (drafts.Count == 0 && comment.Count == 0 && DatedCommentsBelow(lines, at)) continue;
                break;
            }
            // A Drupal comment's subject sits right over its "Submitted by x on …" line ("How many cows are needed?", or the comment's first
            // words cut off with "…"): a title, the comment below it.
            if (raw.HasText && PageCues.Words(raw.Text) <= SubjectMaxWords && at + 1 < lines.Count && lines[at + 1].HasText && DrupalSubmitted().IsMatch(lines[at + 1].Text))
            {
                ParagraphSplitter.Flush(comment, drafts);
                continue;
            }
            int said = raw.HasText ? PageCues.SaidPrefix(raw.Text) : 0;
            var l = said > 0 ? raw with { Text = raw.Text[said..] } : raw;
            // A short comment signed at its end, "Which country issued the card? – Gerrit V Jan 9 at 14:40": the signature is
            // metadata and closes the comment.
            var signature = l.HasText ? SignedTail().Match(l.Text) : Match.Empty;
            if (signature.Success) l = l with { Text = l.Text[..signature.Index] };
            if (said > 0) ParagraphSplitter.Flush(comment, drafts);
            // "Pedro said:" over metadata ("1", a date) names a comment's author, as WordPress's "says:" does; over text, it quotes.
            // "Quote from x: "…"": the quoted words on the intro's own line.
            // "Mercedes Vila on March 12, 2026 at 9:15 am said:": a blog's head over each comment (its author and when), no quote.
            if (l.HasText && (InlineQuote().IsMatch(l.Text) || DatedAuthorSaid().IsMatch(l.Text))) { ParagraphSplitter.Flush(comment, drafts); continue; }
            // phpBB glues the quoted post to its introducer ("Jeemo wrote:Cheers Fonz, …"), the reply's own text below it.
            if (l.HasText && GluedQuote().IsMatch(l.Text) && AboveText(lines, at)) { ParagraphSplitter.Flush(comment, drafts); continue; }
            if (l.HasText && PageCues.IntroducesQuote(l.Text)) { ParagraphSplitter.Flush(comment, drafts); quoted = AboveText(lines, at); continue; }
            // A lead-in over the comment's text ("What works in 2025:" over a list) is part of the comment, as in a body.
            // A reply's head is none ("En respuesta a Ramón Ariosa:" over the reply).
            bool leadIn = l.HasText && l.Text.EndsWith(':') && PageCues.Words(l.Text) >= 2 && !PageCues.IsMetadata(l.Text) && !ReplyHead().IsMatch(l.Text) && AboveText(lines, at);
            if (!IsCommentText(l) && !IsShortComment(lines, at) && !leadIn || BulletedPoster(lines, at))
            {
                if (l.Role != LineRole.Content || l.HasText) ParagraphSplitter.Flush(comment, drafts);
                if (l.Role == LineRole.Content && !l.HasText) ParagraphSplitter.Flush(comment, drafts);   // a bare bullet
                if (afterText && l.HasText && PageCues.IsMetadata(l.Text) && drafts.Count > 0) closed.Add(drafts.Count - 1);
                afterText = false;
                continue;
            }
            if (ProfileLine(lines, at)) { ParagraphSplitter.Flush(comment, drafts); continue; }
            if (quoted) { quoted = false; continue; }
            if (comment.Count == 0 && QuotesEarlier(l, drafts) && at + 1 < lines.Count && IsCommentText(lines[at + 1])) continue;
            if (l.Bullet) ParagraphSplitter.Flush(comment, drafts);
            comment.Add(l);
            afterText = true;
            if (signature.Success) ParagraphSplitter.Flush(comment, drafts);
        }
        ParagraphSplitter.Flush(comment, drafts);
        // Where every comment is closed by its metadata, trailing prose without any is the site's footer
        // ("Islas Photo Desk is a reader-supported collective …"), not a last comment. Not where the metadata heads each comment
        // right over each one's text ("Ana | 18/03/2025 11:03"): there the last comment has its head and nothing under it.
        if (drafts.Count >= 3 && !drafts.All(d => HeadedAt(lines, d.Line)) && closed.Count == drafts.Count - 1 && !closed.Contains(drafts.Count - 1)) drafts.RemoveAt(drafts.Count - 1);
        // A bot's notice ("… I am a bot, and this action was performed automatically.") is no reader's comment.
        drafts.RemoveAll(d => BotNotice().IsMatch(d.Text));
        return drafts;
    }

    /// <summary>
    /// A poster's profile line in the comment's head, between their name and the comment's age ("Owner at a small tile company in Holguín"
    /// over "20h", the comment right under that): no sentence, and no comment, as a short comment over its age has no text below the age.
    /// </summary>
    private static bool ProfileLine(List<PageLine> lines, int at) =>
        lines[at].HasText && !UnitCues.EndsSentence(lines[at].Text) && at > 0 && lines[at - 1].HasText && !IsCommentText(lines[at - 1])
        && at + 2 < lines.Count && lines[at + 1].HasText && PageCues.IsStamp(lines[at + 1].Text) && IsCommentText(lines[at + 2]);

    /// <summary>Whether the line above the one numbered <paramref name="number"/> is metadata: the head of the comment that starts there.</summary>
    private static bool HeadedAt(List<PageLine> lines, int number)
    {
        int at = lines.FindIndex(l => l.Number == number);
        return at > 0 && lines[at - 1].HasText && PageCues.IsMetadata(lines[at - 1].Text);
    }

    /// <summary>
    /// A reply's first line that copies part of an earlier comment ("A month is unimaginable.") quotes it. A whole
    /// earlier comment said again is a reader's own comment: two readers may write the same words.
    /// </summary>
    private static bool QuotesEarlier(PageLine l, List<Draft> earlier) =>
        l.HasText && PageCues.Words(l.Text) >= 3 && earlier.Any(d => d.Text.Length > l.Text.Length && d.Text.Contains(l.Text, StringComparison.Ordinal));

    /// <summary>
    /// Whether a comment's metadata follows <paramref name="at"/> with comment text as the next line of text (Disqus sets a blank line
    /// between them), or comment text with its metadata right under it (a reactions row, "▲ 38   Reply   Report", under an undated
    /// comment), before any other closing line.
    /// </summary>
    private static bool DatedCommentsBelow(List<PageLine> lines, int at)
    {
        for (int i = at + 1; i + 1 < lines.Count; i++)
        {
            if (!lines[i].HasText) continue;
            if (PageCues.EndsComments(lines[i].Text)) return false;
            if ((PageCues.IsMetadata(lines[i].Text) || PageCues.IsStamp(lines[i].Text)) && PageLines.NextText(lines, i + 1) is int n && IsCommentText(lines[n])) return true;
            if (IsCommentText(lines[i]) && lines[i + 1].Text.Length > 0 && PageCues.IsMetadata(lines[i + 1].Text)) return true;
        }
        return false;
    }

    /// <summary>
    /// A nested reply's head opens with its bullet: the poster's name, not prose, right over the reply's metadata ("• The Assman" over
    /// "link", "13 hours ago"). A bulleted comment is text, however short, with no metadata glued under it.
    /// </summary>
    private static bool BulletedPoster(List<PageLine> lines, int at) =>
        lines[at].Bullet && lines[at].HasText && !PageCues.IsProse(lines[at].Text) && at + 1 < lines.Count && lines[at + 1].HasText && PageCues.IsMetadata(lines[at + 1].Text);

    private static bool AboveText(List<PageLine> lines, int at) =>
        lines.Skip(at + 1).FirstOrDefault(l => l.HasText) is { } next && IsCommentText(next);

    [GeneratedRegex(@"^[“""][^“”""]{2,80}[”""]$")]
    private static partial Regex QuotedTitle();

    [GeneratedRegex(@"(?i)^(?:reply|like|report|share|quote|top)$")]
    private static partial Regex CommentAction();

    [GeneratedRegex(@"(?i)\b(?:reply|report|like|responder)\b")]
    private static partial Regex ActionInRow();

    /// <summary>"In reply to Dayron", "Replying to X", "En respuesta a X:", "In risposta a X": the head of a reply, not a row of actions under a comment.</summary>
    [GeneratedRegex(@"(?i)^(?:in\s+reply\s+to|replying\s+to|en\s+respuesta\s+a|respondiendo\s+a|in\s+risposta\s+a)\b")]
    private static partial Regex ReplyHead();

    /// <summary>"mairead.k", "waikato_wanderer", "oldprop72": a user name (a dot, an underscore or a digit in one word), never a comment.</summary>
    [GeneratedRegex(@"^(?=\S*[._\d])[\p{L}\p{N}_.-]{2,30}$")]
    private static partial Regex UserName();

    /// <summary>"Quote from x: "…"", a bare "Quote: "…"", "Kojo wrote: "Our children are abroad …"": an earlier comment quoted on the intro's own line.</summary>
    [GeneratedRegex(@"(?i)^(?:(?:quote\s+from|quoting)\s[^:]{1,40}|quote|[^:""“]{1,40}\s(?:wrote|said|escribió|dijo)):\s*[""“].*[""”]$")]
    private static partial Regex InlineQuote();

    [GeneratedRegex(@"^[\p{L}\p{N}_.' -]{1,40}\swrote:\S")]
    private static partial Regex GluedQuote();

    /// <summary>"Rick Sandoval on March 12, 2026 at 10:40 am said:", "Ann on 13 March 2026 says:": a name, its date (and time), said.</summary>
    [GeneratedRegex(@"(?i)^[^:]{1,60}\son\s(?:\p{L}+\.?\s\d{1,2},?\s\d{4}|\d{1,2}\s\p{L}+\.?\s\d{4})(?:,?\s(?:at\s)?\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?)?\s(?:said|says|wrote):$")]
    private static partial Regex DatedAuthorSaid();

    /// <summary>" – Saskia de Vries Jan 9 at 14:52", " – Liesbeth 3 days ago": a dash, a name of one to four words, when.</summary>
    [GeneratedRegex(@"(?i)\s[–—]\s(?:[^\s–—]+\s){1,4}?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*\.?\s+\d{1,2}(?:,?\s+\d{4})?(?:\s+at\s+\d{1,2}:\d{2})?|\d+\s+(?:mins?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|yesterday|today)$")]
    private static partial Regex SignedTail();

    /// <summary>The most words a comment's subject line has.</summary>
    private const int SubjectMaxWords = 12;

    /// <summary>"Submitted by Jorge Lamadrid on Thu, 08/05/2027 - 12:15": Drupal's line under a comment's subject.</summary>
    [GeneratedRegex(@"(?i)^submitted\s+by\s.{1,60}\son\s.{4,40}$")]
    private static partial Regex DrupalSubmitted();

    /// <summary>"Ver más comentarios", "Show 3 more comments": a link to the rest of a thread's comments.</summary>
    [GeneratedRegex(@"(?i)^(?:ver|view|show|see|load|cargar|mostra)\s+(?:\d+\s+)?(?:más|more|altri)\s+(?:comentarios|comments|commenti)$")]
    private static partial Regex MoreComments();

    [GeneratedRegex(@"(?i)\bI am a bot\b")]
    private static partial Regex BotNotice();

    /// <summary>
    /// A comment too short to look like prose ("+1", "Fuerza Cuba 💪") told by its place in a block:
    /// the block opens with the author (a line or three: name, handle, "In reply to x"; no date), the line right
    /// after the comment is its time stamp ("18:11"), and no comment text follows before the next author. A user name
    /// ("mairead.k") in that place is the next reply's author.
    /// </summary>
    private static bool IsShortComment(List<PageLine> lines, int at)
    {
        var l = lines[at];
        if (!l.HasText || PageCues.Words(l.Text) >= PageCues.ProseWords || PageCues.IsMetadata(l.Text) || PageCues.IsBylineOrDate(l.Text)
            || PageCues.EndsComments(l.Text) || PageCues.EndsBody(l.Text) || UserName().IsMatch(l.Text)) return false;
        // A short reply between two Reddit poster lines ("u/name 6h ago" over "Nobody will film it" over the next reply's), or under the last one, is a reply however it ends.
        if (PageLines.PreviousText(lines, at - 1) is int poster && PageCues.IsRedditReplyPoster(lines[poster].Text)
            && (PageLines.NextText(lines, at + 1) is not int below || PageCues.IsRedditReplyPoster(lines[below].Text))) return true;
        // A line of a few words between two user names ("dayami_08" / "gracias profe!!! me salvaste" / "yoandry_cuba") is the first one's comment.
        if (PageCues.Words(l.Text) >= 3 && at > 0 && at + 1 < lines.Count && IsHandle(lines[at - 1]) && IsHandle(lines[at + 1])) return true;
        // Or the block has the author and the time stamp or other metadata above the comment and its actions below
        // ("Angela Moore / 7h / Pray for Cuba 🙏 / Reply", "Posts: 19 / +1 / Top").
        // A count between actions ("Reply / 24 / Share") is the comment's likes; a vote row or a row of
        // links holds the actions too ("▲ 6 ▼ reply ⋯", "Like · Reply · Share").
        // A page that sets blank lines between a comment's parts ("@handle • 1 week ago", blank, "Qué recuerdos 🥲") frames it the same way.
        int head = at - 1;
        while (head > 0 && lines[head].Role == LineRole.Blank) head--;
        if (head >= 0 && lines[head].HasText && (PageCues.IsStamp(lines[head].Text) || PageCues.IsMetadata(lines[head].Text))
            && !CommentAction().IsMatch(lines[head].Text) && !l.Text.All(char.IsDigit)
            && at + 1 < lines.Count && ActionsBelow(lines[at + 1])) return true;
        if (at + 1 >= lines.Count || lines[at + 1].Role == LineRole.Blank || !PageCues.IsStamp(lines[at + 1].Text)) return false;
        // A photo site's comment on a page without blank lines: the commenter's user name right above ("marta.oquendo"), its age right
        // below ("3d"), its likes or "Reply" under that.
        if (at > 0 && lines[at - 1].HasText && UserName().IsMatch(lines[at - 1].Text) && at + 2 < lines.Count && lines[at + 2].HasText && PageCues.IsMetadata(lines[at + 2].Text)) return true;
        // The next text after the stamp and its metadata is the next author, not this author's comment (as under
        // "Avatar / name / 1 year ago").
        int next = at + 2;
        while (next < lines.Count && (!lines[next].HasText || PageCues.IsMetadata(lines[next].Text))) next++;
        if (next < lines.Count && IsCommentText(lines[next])) return false;
        // The author's lines (a name, a handle "@x@host", "In reply to x"): up to three, none of them comment text.
        int author = at - 1;
        while (author > 0 && at - author < 3 && lines[author].HasText && lines[author - 1].HasText && !IsCommentText(lines[author - 1])) author--;
        return author >= 0 && lines[author].HasText && !IsCommentText(lines[author]) && (author == 0 || lines[author - 1].Role != LineRole.Content)
            && !lines.Skip(author).Take(at - author).Any(a => PageCues.IsStamp(a.Text));
    }

    /// <summary>A user name with letters in it ("yoandry_cuba"), not a count ("12").</summary>
    private static bool IsHandle(PageLine l) => l.HasText && UserName().IsMatch(l.Text) && l.Text.Any(char.IsLetter);

    /// <summary>
    /// A comment's actions on the line under it: "Reply", a row of links or votes with an action among them or of reactions with their counts
    /// ("💬   🔁   ♡ 3   ···"), or such a row dropped as a menu ("👍 312   👎   Reply").
    /// </summary>
    private static bool ActionsBelow(PageLine l) =>
        l.HasText && CommentAction().IsMatch(l.Text)
        || (l.HasText && (PageCues.IsMetadata(l.Text) || PageCues.IsTrail(l.Text)) || l.Role == LineRole.Boilerplate) && (ActionInRow().IsMatch(l.Text) || ReplyThread.IsReactionRow(l.Text)) && !ReplyHead().IsMatch(l.Text);

    /// <summary>
    /// A line of a comment's text: prose, a bulleted line, a line of emoji ("❤️❤️❤️") or a line wholly in quotes (a review's
    /// title, "“Great town, tough journey”"), not metadata, a byline, a date, a closing line or a trail (a forum's "Forum: Sport ›
    /// Rugby › "Title…"", which ends as a sentence does).
    /// </summary>
    private static bool IsCommentText(PageLine l) =>
        l.HasText && (PageCues.IsProse(l.Text) || UnitCues.EndsSentence(l.Text) || l.Bullet || IsEmojiLine(l.Text) || QuotedTitle().IsMatch(l.Text))
        && !PageCues.IsMetadata(l.Text) && !PageCues.IsBylineOrDate(l.Text) && !PageCues.EndsBody(l.Text) && !PageCues.IsTrail(l.Text);

    /// <summary>
    /// Emoji only: a reader's whole comment on video and social pages. A row that mixes symbols with dashes or signs
    /// ("− ⚑") is a comment's action glyphs, and so is a row of three or more set apart by spaces ("♡ 💬 ➤ 🔖": a post's
    /// buttons; readers type their emoji together).
    /// </summary>
    private static bool IsEmojiLine(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3 && text.Any(c => char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol)
        && text.All(c => char.IsWhiteSpace(c) || char.IsSurrogate(c)
            || char.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol or UnicodeCategory.NonSpacingMark or UnicodeCategory.Format);
}
