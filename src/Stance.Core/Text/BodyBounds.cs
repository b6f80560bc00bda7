using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// The bounds of an article's body among a page's lines: what counts as its prose, whether the page is a thread of posts rather than
/// an article with comments, and where the body ends and the comments begin.
/// </summary>
internal static partial class BodyBounds
{
    /// <summary>The most words a dek has: a longer first line under the headline is the body's first paragraph.</summary>
    private const int DekMaxWords = 60;

    /// <summary>Prose of the body: text a reader argues with, not metadata, a byline or a date.</summary>
    public static bool IsProse(PageLine l) =>
        l.HasText && (PageCues.IsProse(l.Text) || l.Bullet && PageCues.Words(l.Text) >= 3 || PageCues.IsSalutation(l.Text))
        && !PageCues.IsMetadata(l.Text) && !PageCues.IsBylineOrDate(l.Text);

    /// <summary>
    /// Whether the run of adjacent prose lines from <paramref name="from"/> ends a sentence somewhere, as a hard-wrapped
    /// paragraph does (its last line may be a word or two in lower case, "country."); a run that never does is a list of link
    /// titles ("Trending now") or a headline over its dek.
    /// </summary>
    public static bool ProseRunEndsSentence(List<PageLine> lines, int from)
    {
        for (int i = from; i < lines.Count && (IsProse(lines[i]) || i > from && lines[i].HasText && char.IsLower(lines[i].Text[0])); i++)
            if (UnitCues.EndsSentence(lines[i].Text)) return true;
        return false;
    }

    /// <summary>
    /// A forum or discussion thread: no comment header over any text (a prompt under the last reply, "Sign in to reply", heads none), but posts framed by metadata ("Posted …", "Quote", "#2", points).
    /// A liveblog's entries are framed by share rows, not by who posted them: those lines do not count.
    /// A channel's feed is framed the same way, but most of its posts are signed by one name: its posts are the page's text.
    /// </summary>
    public static bool IsThread(List<PageLine> lines, int from) =>
        !lines.Skip(from).Select((l, i) => (l, i)).Any(x => x.l.Role == LineRole.CommentHeader && lines.Skip(from + x.i + 1).Any(IsProse))
        && lines.Skip(from).Count(l => l.HasText && PageCues.IsMetadata(l.Text) && !PageCues.IsBylineOrDate(l.Text) && !PageCues.EndsBody(l.Text)) >= 4
        && !OneAuthorsFeed(lines, from);

    /// <summary>
    /// Whether more than half of the posts from <paramref name="from"/> on (three at least) are signed by the same line: the
    /// nearest line above a post's first prose that is neither prose nor metadata ("Apagón Diario — English" over each post). A
    /// nested reply's head opens with a bullet on its poster's name, over labels every reply repeats ("• The Assman", "link",
    /// "fedilink", "English", "13 hours ago"): that bulleted line signs it. A quote's introducer ("quote:") over a post signs nothing.
    /// A feed's posts answer no one: two posts replying to a handle make the page a conversation.
    /// </summary>
    public static bool OneAuthorsFeed(List<PageLine> lines, int from)
    {
        // Posts that answer a handle ("Replying to @yane_desde_cuba") make a conversation, however many of them its author wrote (a self-thread).
        if (lines.Skip(from).Count(l => l.HasText && SocialPost.RepliesTo(l.Text)) >= 2) return false;
        // So do posts under Reddit's reply poster lines ("u/name Oct 20 '24"): a feed is never printed as replies, however many one user wrote.
        if (lines.Skip(from).Count(l => l.HasText && PageCues.IsRedditReplyPoster(l.Text)) >= 2) return false;
        // Each post's possible signatures: its bulleted head, else the nearest line above it that is no metadata and, when the head runs
        // further up, the head's first line (a channel's name over "Forwarded from …" or a link preview's domain).
        var signatures = new List<string[]>();
        for (int i = Math.Max(from, 1); i < lines.Count; i++)
        {
            if (!IsProse(lines[i]) || PageLines.PreviousText(lines, i - 1) is not int above || IsProse(lines[above])) continue;
            int top = above;
            while (top > 0 && lines[top - 1].HasText && !IsProse(lines[top - 1])) top--;
            while (above > 0 && lines[above].HasText && (PageCues.IsMetadata(lines[above].Text) || PageCues.IsStamp(lines[above].Text) || PageCues.IntroducesQuote(lines[above].Text))) above--;
            if (lines[top].Bullet) signatures.Add([lines[top].Text]);
            else if (lines[above].HasText) signatures.Add(IsNamedHead(lines[top].Text) ? [lines[above].Text, lines[top].Text] : [lines[above].Text]);
        }
        return signatures.Count >= 3 && signatures.SelectMany(s => s.Distinct()).GroupBy(a => a).Max(g => g.Count()) * 2 > signatures.Count;
    }

    /// <summary>
    /// A head's first line that may sign a post: a name of two words or more, not the previous post's metadata or reactions ("👁 38.9K   09:02")
    /// nor a button every post repeats ("Top", "Helpful").
    /// </summary>
    private static bool IsNamedHead(string text) =>
        PageCues.Words(text) >= 2 && !PageCues.IsMetadata(text) && !PageCues.IsStamp(text) && !ReplyThread.IsReactionRow(text) && text.Any(char.IsLetter) && !UnitCues.EndsSentence(text);

    /// <summary>
    /// Where the body ends — a comment header or a line that closes an article (or, in a thread, the first
    /// post's metadata), once body prose has begun — and where the comments start (the page's length if none).
    /// A closing line with the body going on below it (a share row under an audio player's blurb) closes nothing. A sort row
    /// ("Sort: Recommended") under a bare question heads its answers, prose or not before it, and "Login to comment" under an expired
    /// article's notice heads its readers' comments.
    /// </summary>
    public static (int BodyEnd, int CommentsFrom) End(List<PageLine> lines, int from, bool thread)
    {
        bool prose = false;
        // A thread's author goes on under their own handle (a self-thread's later posts): still the body.
        string? author = thread ? SocialPost.FirstHandle(lines) : null;
        // The first line of text under a headline may be its dek: it does not open the body by itself, so a
        // comment count printed with the byline below it ("9 Comments") is not taken for the comment section. A thread has no comment
        // header and no dek: the line under its title is the opening post, which the next post's metadata closes.
        // A line longer than any dek (a story's whole summary, "x writes …" on a news aggregator) is body.
        // An opening post may be a sentence or two of a few words ("Anybody been. Any tips."): in a thread any sentence opens the body.
        int dek = from > 0 && PageLines.NextText(lines, from) is int d ? d : -1;
        for (int i = Math.Max(0, from); i < lines.Count; i++)
        {
            var l = lines[i];
            if ((prose || l.Role == LineRole.CommentHeader && PageLines.LeadsReplies(l.Text)) && (l.Role == LineRole.CommentHeader || PageCues.ClosesRelease(l.Text)
                || l.HasText && PageLines.NextText(lines, i + 1) is int n && PageCues.IntroducesAbout(l.Text, lines[n].Text)
                || l.HasText && PageCues.EndsBody(l.Text) && !BodyGoesOn(lines, i)
                || thread && l.HasText && PageCues.IsMetadata(l.Text) && !PageCues.IsBylineOrDate(l.Text) && !(author is not null && SocialPost.PostedBy(lines, i, author)))
                // A Reddit reply's poster line closes the opening post however short it is ("Any questions, please.").
                || thread && l.HasText && PageCues.IsRedditReplyPoster(l.Text))
                return (i, l.Role == LineRole.CommentHeader || thread ? i : CommentsAfter(lines, i));
            // A forum prints a link to each post under it ("Link to comment", Invision): the first closes the opening post, however few
            // posts the page holds, and the replies follow it.
            if (prose && l.HasText && PostLink().IsMatch(l.Text)) return (i, i);
            if (l.Role == LineRole.CommentHeader && !prose) continue;
            if (l.HasText && (PageCues.OpensBody(l.Text) || HardWrapped(lines, i) || thread && IsProse(l) && (UnitCues.EndsSentence(l.Text) || SocialPost.UnderHandle(lines, i))) && !PageCues.IsMetadata(l.Text) && (i != dek || thread || PageCues.Words(l.Text) > DekMaxWords)) prose = true;
        }
        return (lines.Count, lines.Count);
    }

    /// <summary>
    /// Whether real body prose follows a closing line or mid-article box within its next eight lines of text: two long sentences on
    /// lines of their own or together on one, or one and the same closing line again. One alone may be an app or newsletter blurb under the page's
    /// related list ("Real-time updates …").
    /// </summary>
    private static bool BodyGoesOn(List<PageLine> lines, int box)
    {
        int seen = 0, sentences = 0;
        for (int i = box + 1; i < lines.Count && seen < 8; i++)
        {
            var l = lines[i];
            if (l.Role == LineRole.CommentHeader) return false;
            if (!l.HasText) continue;
            // The same closing line again after more prose frames each entry (a liveblog's "Share" under every update).
            if (l.Text == lines[box].Text && sentences > 0) return true;
            // A bare share button under a box's titles ("Share" under a tabloid's "RELATED ARTICLES") is the box's own, no end of the story.
            if (PageCues.EndsBody(l.Text) && !PageCues.OpensBox(l.Text) && !ShareButton().IsMatch(l.Text)) return false;
            // A sentence over a date is a teaser's snippet in a list of other stories ("… in Sancti Spíritus." over "Mar 2").
            // A paragraph of two long sentences on one line counts as two: a blurb is one sentence, or speaks to the reader ("Join us! Your
            // monthly donation …"), as an article's report does not.
            if (PageCues.OpensBody(l.Text) && PageCues.Words(l.Text) >= 12 && !(PageLines.NextText(lines, i + 1) is int n && PageCues.IsStamp(lines[n].Text))
                && (sentences += PageCues.Words(l.Text) >= 24 && InnerSentenceEnd().IsMatch(l.Text) && !ToTheReader().IsMatch(l.Text) ? 2 : 1) >= 2) return true;
            seen++;
        }
        return false;
    }

    /// <summary>
    /// Whether line <paramref name="at"/> opens a hard-wrapped paragraph (a mailing list's message): prose that ends no sentence, the
    /// line below going on with it in lower case, and a sentence end further down the run. No line of such a paragraph need be a
    /// sentence of its own.
    /// </summary>
    private static bool HardWrapped(List<PageLine> lines, int at) =>
        IsProse(lines[at]) && !UnitCues.EndsSentence(lines[at].Text) && at + 1 < lines.Count && lines[at + 1].HasText
        && char.IsLower(lines[at + 1].Text[0]) && ProseRunEndsSentence(lines, at);

    /// <summary>After the body closed at <paramref name="end"/>: the comment header further down, if any, else the end of the page.</summary>
    private static int CommentsAfter(List<PageLine> lines, int end)
    {
        int header = lines.FindIndex(end, l => l.Role == LineRole.CommentHeader);
        return header < 0 ? lines.Count : header;
    }

    /// <summary>
    /// Whether the first post of a thread, in [<paramref name="from"/>, <paramref name="to"/>), is headed by a reply's subject ("Subject: Re:
    /// [list] Rice yields …"): a mailing list's digest opens with a message that answers an earlier one, so every message is a reply.
    /// A nested thread's excerpt that starts below the post opens with a reply too: its first line is a bulleted poster head ("• name
    /// [they/them]", "• Lad"), a reply's, since a post is headed by its title.
    /// </summary>
    public static bool OpensWithReply(List<PageLine> lines, int from, int to) =>
        lines.Skip(from).Take(to - from).Any(l => l.HasText && ReplySubjectLine().IsMatch(l.Text))
        || from == 0 && PageLines.NextText(lines, 0) is int first && first < to && lines[first].Bullet && BulletedPoster().IsMatch(lines[first].Text) && AgedHead(lines, first);

    /// <summary>Whether the reply's age ("2 years ago") follows its poster's line among the head's few lines, before any prose.</summary>
    private static bool AgedHead(List<PageLine> lines, int poster)
    {
        int at = poster;
        for (int seen = 0; seen < 7 && PageLines.NextText(lines, at + 1) is int n && !PageCues.IsProse(lines[n].Text); seen++, at = n)
            if (PageCues.IsStamp(lines[n].Text)) return true;
        return false;
    }

    /// <summary>A poster's name or handle of one to three words (its bullet set apart), a bracketed label perhaps ("[he/him]").</summary>
    [GeneratedRegex(@"^[\w@.-]+(?:\s+[\w@.-]+){0,2}(?:\s+\[[^\]]{1,30}\])?$")]
    private static partial Regex BulletedPoster();

    [GeneratedRegex(@"(?i)^subject:\s*re:\s*\S")]
    private static partial Regex ReplySubjectLine();

    [GeneratedRegex(@"(?i)^share:?$")]
    private static partial Regex ShareButton();

    [GeneratedRegex(@"(?i)^link\s+to\s+(?:comment|post)$")]
    private static partial Regex PostLink();

    /// <summary>A sentence's end inside a line, another sentence after it: "… in Japan. The fragments …".</summary>
    [GeneratedRegex(@"\p{Ll}[.!?][”""’)]?\s+\p{Lu}")]
    private static partial Regex InnerSentenceEnd();

    /// <summary>Words that address the reader or speak for the site: an appeal's, not an article's report.</summary>
    [GeneratedRegex(@"(?i)\b(?:you|your|we|we're|us|our)\b")]
    private static partial Regex ToTheReader();
}
