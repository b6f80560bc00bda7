using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// Turns the raw text of a saved web page into its units, in page order: the headline, the body's
/// paragraphs (with captions and bylines reported as such), then the reader comments. The page is read as
/// three regions. The header runs to the first line of prose; its most headline-like line is the headline.
/// The body runs from there to the first line that closes an article (tags, related lists, share rows, a
/// comment header), or on a forum thread to the first post's metadata. The comments follow a comment
/// header, or are a thread's later posts: each is the prose between two runs of metadata (author, date,
/// Reply, likes), however many paragraphs it has; text quoted from an earlier post is left out, and two
/// readers' identical comments stay two units. Everything else — menus, share rows, boilerplate,
/// metadata, short title-like lines — is not a unit. Last, a learned <see cref="UnitFilter"/> drops the paragraphs and
/// comments that still read as furniture (on pages the rules had not been tuned on, it raised precision by about 3.6
/// points at the same recall; tests/Bench/TrainUnitFilter).
/// </summary>
public sealed partial class ArticleSegmenter
{
    /// <summary>The most words a channel's or page's name has ("Noticias del Sur de la Florida").</summary>
    private const int NameMaxWords = 6;

    private readonly IReadOnlyList<Regex> _boilerplate;
    private readonly UnitFilter? _filter;

    public ArticleSegmenter() : this(new SegmenterOptions()) { }

    public ArticleSegmenter(SegmenterOptions options)
    {
        _boilerplate = [.. BoilerplatePatterns.Default, .. options.ExtraBoilerplate];
        _filter = options.UnitFilter;
    }

    public IReadOnlyList<ArticleUnit> Segment(string page)
    {
        if (ChatExport.Messages(page) is { } chat) return _filter is null ? chat : _filter.Apply(page, chat);
        var lines = HeaderLines.JoinWrappedHeads(HeaderLines.DropBylines(PageLines.DropAdjacentRepeats(PageLines.Read(page, _boilerplate))));
        var note = new List<ArticleUnit>();
        if (ForwardedMail.SeparatorAt(lines) is int forward)
        {
            note.AddRange(ForwardedMail.Note(lines.Take(forward)));
            lines = lines[(forward + 1)..];
        }
        // A social post has no headline: its text starts where the title bar quotes it.
        int? post = SocialPost.QuotedAt(lines);
        int headline = post is null ? HeadlineAt(lines) : -1;
        int bodyStart = post ?? headline + 1;
        // Under a reply subject as headline ("re: …", a thread's later page) every post is a reply: no body.
        bool repliesOnly = headline >= 0 && ReplySubject().IsMatch(lines[headline].Text);
        bool thread = BodyBounds.IsThread(lines, bodyStart);
        var (bodyEnd, commentsFrom) = BodyBounds.End(lines, bodyStart, thread);
        // No comment header and no forum thread: the replies may still be known by their frames (poster over, reactions under), or,
        // with no frames either, by a head whose shape the opening post's head repeats over later prose, whatever its words; unless
        // one author signs them all (a channel's feed).
        int? InBody(int? at) => at < bodyEnd ? at : null;
        if (!thread && commentsFrom == lines.Count && (InBody(ReplyThread.StartAt(lines, bodyStart)) ?? InBody(RecurringHeads.FirstReplyAt(lines, bodyStart))) is int replies
            && !BodyBounds.OneAuthorsFeed(lines, bodyStart))
            (bodyEnd, commentsFrom) = (replies, replies);
        if (repliesOnly || thread && BodyBounds.OpensWithReply(lines, bodyStart, bodyEnd)) (bodyEnd, commentsFrom) = (bodyStart, bodyStart);
        var units = Body(lines, headline, bodyStart, bodyEnd);
        units.InsertRange(0, note);
        // A post that repeats the headline is a forum's link to the article ("[Article link] <headline> — discuss here."), no reader's comment;
        // a title of a word or three ("Havana") is no headline a post could repeat, only a word it uses.
        if (commentsFrom < lines.Count)
            units.AddRange(CommentSection.Read(lines.Skip(commentsFrom)).Where(d => headline < 0 || PageCues.Words(lines[headline].Text) < 4 || !d.Text.Contains(lines[headline].Text, StringComparison.Ordinal))
                .Select(d => new ArticleUnit(UnitKind.Comment, d.Text, d.Line)));
        return _filter is null ? units : _filter.Apply(page, units);
    }

    /// <summary>
    /// Lines that can be a headline: 4–25 words, not a byline, date, caption, credit ("Name / Staff photographer"), breadcrumb, file link, numbered item ("1. Getting there …", a listicle's crosshead),
    /// appeal or box head ("Subscribe to X News alerts", "More from Politics");
    /// a final period only when metadata follows ("… Mixed feelings." then "submitted by …") or in title case ("Cutting Off
    /// Remittances Won't Free Cuba. It Will Only Empty It.": a sentence of prose never capitalizes most of its words).
    /// </summary>
    private static bool HeadlineShaped(PageLine l, PageLine? below) =>
        l.HasText && !l.Bullet && (PageCues.Words(l.Text) is >= 4 and <= UnitCues.HeadlineMaxWords || LongOverBullets(l, below)) && !Crosshead.StartsNumbered(l.Text)
        && !PageCues.IsBylineOrDate(l.Text) && !PageCues.IsMetadata(l.Text) && !UnitCues.IsCaption(l.Text) && !CaptionLines.IsCredit(l.Text) && !PageCues.IsTrail(l.Text) && !FileLink().IsMatch(l.Text)
        && !(Dateline().IsMatch(l.Text) && !DatelinedTitle(l, below)) && !PageCues.OpensAppeal(l.Text) && !PageCues.OpensBox(l.Text)
        && (UnitCues.IsHeadline(l.Text) || LongOverBullets(l, below) || l.Text.EndsWith('.') && UnitCues.TitleCase(l.Text)
            || below is { } n && (PageCues.IsBylineOrDate(n.Text) || PageCues.IsSubmission(n.Text)) && !l.Text.EndsWith(':'));

    /// <summary>
    /// A title with a dateline's shape, a name in capitals and a dash ("HOJAS — a tobacco farmer's year in …"), is a title when it ends
    /// no sentence and its byline sits right under it ("from Lumbre Films"): a story's dateline opens a sentence that goes on.
    /// </summary>
    private static bool DatelinedTitle(PageLine l, PageLine? below) =>
        !UnitCues.EndsSentence(l.Text) && below is { } b && (PageCues.IsBylineOrDate(b.Text) || UnitCues.IsByline(b.Text));

    /// <summary>The most words a tabloid's headline has ("Bride and groom from … as locals line the street to cheer": 28).</summary>
    private const int LongHeadlineMaxWords = 40;

    /// <summary>
    /// A tabloid's long headline: more words than any other headline, no sentence end, and its summary bullets right under it
    /// ("• Couple had planned …"). A body's lead-in over a list ends in a colon.
    /// </summary>
    private static bool LongOverBullets(PageLine l, PageLine? below) =>
        below is { Bullet: true } && PageCues.Words(l.Text) is > UnitCues.HeadlineMaxWords and <= LongHeadlineMaxWords
        && !UnitCues.EndsSentence(l.Text) && !l.Text.EndsWith(':') && !l.Text.Contains(". ");

    /// <summary>A dateline opening the body's first sentence, "MIAMI, Florida (June 24, 2025) - The …", "HAVANA (Meridian Press) - Cuba's …", a press-release wire's "TORONTO, July 5, 2027 /PRWire/ -- The …".</summary>
    [GeneratedRegex(@"^\p{Lu}{3,}(?:,?\s+\p{Lu}[\p{L}.]*){0,3}(?:,\s+[^/()]{3,20}\d{4})?\s*(?:\([^()]{2,40}\)|/[^/]{2,30}/)?\s+(?:[-–—]|--)\s+\S")]
    private static partial Regex Dateline();

    [GeneratedRegex(@"(?i)^(?:submitted\b.{0,100}\bby\b|(?:asked\s+by|preguntad[oa]\s+por)\b)")]
    private static partial Regex Submitted();

    /// <summary>A link to a file, "Download summary in Spanish (PDF)", "Full report (PDF, 84 pages)", "Download PDF (212 KB)".</summary>
    [GeneratedRegex(@"(?i)(?:\((?:pdf|docx?|epub|xlsx?|csv|zip)\b[^()]{0,30}\)|\b(?:pdf|docx?|epub|xlsx?|csv|zip)\s*\(\d[\d.,]*\s?[kmg]b\))$")]
    private static partial Regex FileLink();

    private static bool IsPostMetadata(PageLine l) =>
        PageCues.IsMetadata(l.Text) || PageCues.IsBylineOrDate(l.Text) || UnitCues.IsByline(l.Text) || PageCues.IsTrail(l.Text);

    /// <summary>
    /// The headline: the header runs to the first block of body prose (a sentence followed by more prose, or
    /// two adjacent prose lines, as a hard-wrapped paragraph); of its headline-shaped lines, the one followed
    /// by a byline, date or post metadata, else the last. A title glued to its first sentence counts.
    /// </summary>
    private static int HeadlineAt(List<PageLine> lines)
    {
        if (SubmittedTitle(lines) is int submitted) return submitted;
        if (VideoPage.TitleAt(lines) is int video) return video;
        if (RedditHead.TitleAt(lines) is int reddit) return reddit;
        if (PageLines.NextText(lines, 0) is int top && QuestionTitle.Exclaimed(lines, top)) return top;
        if (RepliedTitle(lines) is int replied) return replied;
        if (RepeatedTitle.At(lines) is int repeated) return repeated;
        var candidates = new List<int>();
        for (int i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (!l.HasText) continue;
            var next = PageLines.NextText(lines, i + 1) is int n ? lines[n] : (PageLine?)null;
            // The line right below (no blank between), captions skipped: they sit between a headline and its body.
            int below = i + 1;
            while (below < lines.Count && lines[below].HasText && UnitCues.IsCaption(lines[below].Text)) below++;
            var adjacent = below < lines.Count && lines[below].HasText ? lines[below] : (PageLine?)null;
            // Metadata that makes a line a headline sits right below it, blank lines between allowed: not under a dropped byline
            // ("Elena Suárez" over "Apr 02, 2024" under a dek).
            int under = i + 1;
            while (under < lines.Count && lines[under].Role == LineRole.Blank) under++;
            var metadata = under < lines.Count && lines[under].HasText ? lines[under] : (PageLine?)null;
            // A title under a time stamp ("2h ago", "18:11") is an entry of a list of updates (a liveblog's key events), not the headline;
            // a line under its author's handle is a social post, which has none.
            bool shaped = HeadlineShaped(l, metadata) && !SocialPost.UnderHandle(lines, i) && !(PageLines.PreviousText(lines, i - 1) is int p && PageCues.IsStamp(lines[p].Text) && !PageCues.IsDate(lines[p].Text));
            // A title-case line that ends in a period is a headline, not the body's first sentence.
            // So is a question over its dek and the byline, or a Q&A's question over its footer (QuestionTitle).
            bool prose = BodyBounds.IsProse(l) && !(shaped && l.Text.EndsWith('.') && UnitCues.TitleCase(l.Text)) && !(shaped && (QuestionTitle.OverDek(lines, i) || QuestionTitle.Asked(lines, i)));
            // A sentence over a credit of its own ("Photo: Name / Outlet") is a picture's caption: set above the headline, it opens no body.
            bool captionAbove = l.Text.EndsWith('.') && PageLines.NextText(lines, i + 1) is int c && CaptionLines.IsCredit(lines[c].Text) && HeadlineBelow(lines, c);
            // Nor does the site's motto in its masthead ("News for tinkerers. Stuff that matters." over the menu row).
            bool startsBody = prose && !captionAbove && !HeaderLines.Masthead(lines, i) && (PageCues.OpensBody(l.Text) && next is { } nx && (BodyBounds.IsProse(nx) || UnitCues.IsCaption(nx.Text))
                || adjacent is { } a && BodyBounds.IsProse(a) && !PageCues.IsMetadata(a.Text) && BodyBounds.ProseRunEndsSentence(lines, i) || UnitCues.IsCaption(l.Text) && !HeadlineBelow(lines, i));
            // A post under its author's handle opens the page's text (an X thread's first post, however it ends): no headline below it.
            if (BodyBounds.IsProse(l) && SocialPost.UnderHandle(lines, i)) break;
            if (startsBody)
            {
                // Not when the line below starts in lower case: that line goes on with this one's sentence, hard-wrapped.
                if (shaped && !UnitCues.EndsSentence(l.Text) && (adjacent ?? next) is { } first && !(adjacent is { } w && char.IsLower(w.Text[0]))
                    && (PageCues.OpensBody(first.Text) || UnitCues.TitleCase(l.Text) || l.Text.Length * 4 < first.Text.Length * 3 || HeaderLines.DekOverByline(lines, i))) candidates.Add(i);
                break;
            }
            if (shaped) candidates.Add(i);
        }
        // A header that sits right over the replies ("Sort   Recommended ▾") has the headline above it: a question under it is a reader's.
        int sortRow = lines.FindIndex(l => l.Role == LineRole.CommentHeader && PageLines.LeadsReplies(l.Text));
        if (sortRow >= 0 && candidates.Any(c => c < sortRow)) candidates.RemoveAll(c => c > sortRow);
        // A title-bar copy, "Bread roll cut to 60 grams - Holguín al Día", yields to the headline it repeats,
        // and a candidate the title bar repeats is the headline, whatever sits below it.
        candidates.RemoveAll(c => candidates.Any(o => o != c && TitleBar.Copies(lines[c].Text, lines[o].Text)));
        // A name, not a headline: a short line the page prints on its own three times or more (a channel's name over its
        // header, its pinned message and its post), or a poster's over their post's time and audience (SocialPost). A longer line printed so
        // often is a headline listed again under "Popular posts".
        // Nor is a line under a Reddit reply's poster line: a reply.
        int firstReply = RedditHead.FirstReplyPoster(lines);
        candidates.RemoveAll(c => PageCues.Words(lines[c].Text) <= NameMaxWords && lines.Count(l => l.HasText && l.Text == lines[c].Text) >= 3 || SocialPost.IsPosterName(lines, lines[c].Text)
            || firstReply >= 0 && c > firstReply);
        // A masthead, not a headline: the site's name and motto as the page's first lines, no blank line among them, with the
        // site's menu row right under them ("Tribuna Joven" / "Newspaper of Cuban youth" over "Portada   Cuba   …"), when the
        // header has a candidate further down.
        candidates.RemoveAll(c => HeaderLines.Masthead(lines, c) && candidates[^1] > c + 1);
        if (candidates.Count == 0) return -1;
        // A breadcrumb under the site's name ("Fans Board » General Talk » Serie Nacional") starts as a title bar would, but a title bar
        // never sits below its headline as a breadcrumb does below the masthead.
        var titled = candidates.Where(c => lines.Any(l => l.HasText && TitleBar.Copies(l.Text, lines[c].Text) && !(l.Number > lines[c].Number && TitleBar.IsBreadcrumb(l.Text)))).ToList();
        if (titled.Count > 0) return titled[^1];
        // A byline, date or post metadata right below the headline, or (on blogs) a date right above it.
        // A link trail below a line marks a site's name over its menu, not a headline; a post's date with its reading time and author set
        // apart by dots is no trail (a blog's "September 10, 2027 · 7 min · Name"; a masthead's "Friday, 13 February 2026 | 7:52 pm" is).
        // A "By" line that sets its parts apart ("By Jane Doe · Site", "By X | February 27, 2026") is still a byline.
        // A bare running time ("02:14") is a video's length under its title (a "Now playing" box), not when a headline was posted.
        bool BesideMetadata(int i) => PageLines.NextText(lines, i + 1) is int n && IsPostMetadata(lines[n])
            && !(PageCues.IsTrail(lines[n].Text) && !UnitCues.IsByline(lines[n].Text) && !(PageCues.IsDate(lines[n].Text) && lines[n].Text.Contains(" · ", StringComparison.Ordinal))) && !VideoPage.IsRunningTime(lines[n].Text)
            || DateAbove(lines, i);
        int best = candidates.OrderByDescending(BesideMetadata).ThenByDescending(i => i).First();
        // A headline and its dek are two candidates, one text line after the other: the first is the headline, unless it
        // is a kicker of a few words. A rule or a line of metadata between them ("=====" under a bulletin's masthead, a published
        // document's "Updated automatically …" under its file name) sets the line above apart.
        int at = candidates.IndexOf(best), above = best - 1;
        while (above >= 0 && !lines[above].HasText && !SetsApart(lines[above])) above--;
        if (at == 0 || above < 0 || candidates[at - 1] != above) return best;
        return PageCues.Words(lines[above].Text) >= 6 ? above : best;
    }

    /// <summary>
    /// A thread's title over "submitted 7 hours ago by x" (a link aggregator's post line) or a Q&A's question over "Asked by x" ("Preguntado por: x · hace 2 días"): the headline wherever it sits, also
    /// under a sidebar that comes first in the saved text, and whatever its shape ("… in 2025? (US passport)" reads as a caption).
    /// Only the first such line (a reply has no "submitted" line), and not a sentence but a question ("… stuck for 6+ weeks, anyone
    /// else?"): "Posted by x" closes a blog's post and sits under its last paragraph. Or the line under a Reddit mirror's post line.
    /// </summary>
    private static int? SubmittedTitle(List<PageLine> lines)
    {
        for (int i = 0; i < lines.Count; i++)
            if (lines[i].HasText && (!UnitCues.EndsSentence(lines[i].Text) || lines[i].Text.EndsWith('?')) && PageLines.NextText(lines, i + 1) is int n && Submitted().IsMatch(lines[n].Text)
                && PageCues.Words(lines[i].Text) is >= 3 and <= UnitCues.HeadlineMaxWords && !PageCues.IsMetadata(lines[i].Text)) return i;
        // A Reddit mirror prints the post line above the title instead ("r/travel • u/name • Apr 29 '23"), and a title may end as a sentence
        // or run to Reddit's limit of 300 characters, sentences and all.
        int post = lines.FindIndex(l => l.HasText && PageCues.IsRedditPostLine(l.Text));
        if (post >= 0 && PageLines.NextText(lines, post + 1) is int title && RedditHead.MayBeTitle(lines[title].Text)) return title;
        return null;
    }

    /// <summary>
    /// A thread's title, however short ("Havana"): the first line whose text the replies' heads repeat after "Re: " (a forum's or a
    /// mailing list's reply subject), on a line of its own before the first of them; of its copies there, the last, over the opening post, where the body starts.
    /// A later page of the thread, which holds replies only, prints the reply subject at its top instead.
    /// </summary>
    private static int? RepliedTitle(List<PageLine> lines)
    {
        int reply = lines.FindIndex(l => l.HasText && ReplySubject().IsMatch(l.Text));
        if (reply < 0) return null;
        string title = ReplySubject().Match(lines[reply].Text).Groups["title"].Value;
        int at = reply > 0 ? lines.FindLastIndex(reply - 1, reply, l => l.HasText && l.Text == title) : -1;
        if (at >= 0) return at;
        // A later page of the thread prints no title, only the reply subject at its top ("re: My trip to Cuba (…)"): the headline.
        return lines.Take(reply).Count(l => l.HasText) < 3 ? reply : null;
    }

    [GeneratedRegex(@"(?i)^re:\s*(?<title>\S.{0,200})$")]
    private static partial Regex ReplySubject();

    /// <summary>
    /// Whether a headline-shaped line follows the caption at <paramref name="caption"/>, only a date, metadata, a section's
    /// label of a few words or a breadcrumb ("HEALTH › LA GUAJIRA") between them: the picture and its caption are set above the headline (a UN news page), so the
    /// caption does not open the body.
    /// </summary>
    private static bool HeadlineBelow(List<PageLine> lines, int caption)
    {
        for (int i = caption + 1; i < lines.Count; i++)
        {
            var l = lines[i];
            if (!l.HasText || PageCues.IsBylineOrDate(l.Text) || PageCues.IsMetadata(l.Text) || PageCues.IsTrail(l.Text) || PageCues.Words(l.Text) < 4 && !UnitCues.EndsSentence(l.Text)) continue;
            return HeadlineShaped(l, PageLines.NextText(lines, i + 1) is int n ? lines[n] : null);
        }
        return false;
    }

    /// <summary>
    /// A dropped line that parts the lines around it: a rule ("=====", "-----"), page metadata ("Updated …") or the site's menu
    /// ("Home FAQ About Archives Tags", capitalized words and nothing else: a masthead sits over it, never a headline over its dek).
    /// </summary>
    private static bool SetsApart(PageLine l) =>
        l.Role == LineRole.Boilerplate && (!l.Text.Any(char.IsLetterOrDigit) || PageCues.IsMetadata(l.Text) || PageCues.IsBylineOrDate(l.Text)
            || PageCues.Words(l.Text) >= 4 && l.Text.Split(' ').All(w => char.IsUpper(w[0]) && w.All(char.IsLetter)));

    /// <summary>Whether a date sits right above line <paramref name="at"/>, blank lines between them allowed (Blogger's "Saturday, March 15, 2025" over its post's title).</summary>
    private static bool DateAbove(List<PageLine> lines, int at)
    {
        int i = at - 1;
        while (i >= 0 && lines[i].Role == LineRole.Blank) i--;
        return i >= 0 && lines[i].HasText && PageCues.IsDate(lines[i].Text);
    }

    private static List<ArticleUnit> Body(List<PageLine> lines, int headline, int from, int to)
    {
        var units = new List<ArticleUnit>();
        if (headline >= 0) units.Add(new ArticleUnit(UnitKind.Headline, lines[headline].Text, lines[headline].Number));
        // Only prose, bylines and captions take part; every other line separates paragraphs.
        var region = lines.Skip(from).Take(to - from).Where(l => !(headline >= 0 && l.HasText && l.Text == lines[headline].Text)).ToList();
        var prose = region.Select((l, i) => BodyBounds.IsProse(l) && !(PageCues.IsCrosshead(l.Text) && !l.Bullet) && !Crosshead.IsNumbered(region, i) && !Crosshead.IsLong(region, i)
            && !VideoPage.IsClipTitle(region, i)).ToArray();
        // A box set inside the article ("Read more", "Related") lists titles of links, no sentence among them, up to the next blank line: not body.
        // An appeal box ("Subscribe to …", "Help Havana Times continue") and an embedded social post run to the next blank line,
        // sentences included; an ad ("Sponsored") to its pitch's first sentence end (a newsletter sets no blank line after it). A bare "Subscribe" in a row of buttons over the text opens no box.
        for (int i = 0, box = -1; i < region.Count; i++)
        {
            var l = region[i];
            bool appeal = box >= 0 && (PageCues.OpensAppeal(region[box].Text) && AppealTextBelow(region, box) || PageCues.OpensEmbed(region[box].Text));
            // A related box's head a blank line above its titles still heads them (not an appeal's: "Subscribe", blank, a sentence), and
            // titles (and their labels) set apart by blank lines go on with the box, to the first sentence or lead-in below ("The company said three outcomes were possible:");
            // an ad's pitch ends at its dropped button ("Sponsored", a pitch, "Continue reading").
            if (l.Role == LineRole.Blank && !(box >= 0 && PageCues.OpensBox(region[box].Text) && !appeal && (box == i - 1 || TitleBelow(region, i)))
                || l.Role == LineRole.Boilerplate && box >= 0 && box < i - 1 && PageCues.OpensSponsored(region[box].Text)) box = -1;
            else if (l.HasText && (UnitCues.EndsSentence(l.Text) || PageCues.EndsInButton(l.Text) || box >= 0 && box < i && l.Text.EndsWith(':') && PageCues.Words(l.Text) >= 3) && !appeal)
            {
                if (box >= 0 && PageCues.OpensSponsored(region[box].Text)) prose[i] = false;
                box = -1;
            }
            else if (l.HasText && (PageCues.OpensBox(l.Text) || PageCues.OpensAppeal(l.Text) || PageCues.OpensEmbed(l.Text) || PageCues.OpensSponsored(l.Text))) box = i;
            else if (box >= 0) prose[i] = false;
        }
        // A lead-in ("The shipment includes:") over a bulleted list is a paragraph of its own; a label of two words ("Key points:")
        // heads a summary box.
        for (int i = 0; i < region.Count; i++)
            if (region[i].HasText && region[i].Text.EndsWith(':') && PageCues.Words(region[i].Text) >= 3 && !PageCues.IsMetadata(region[i].Text)
                && region.Skip(i + 1).FirstOrDefault(l => l.HasText) is { Bullet: true }) prose[i] = true;
        for (int i = 1; i < region.Count; i++)
        {
            // A hard-wrapped paragraph: a line that continues the sentence of the line right above it (that line
            // is prose and does not end a sentence, or this line starts in lower case) belongs with it. A caption's credit
            // ends it ("… in South Brisbane. (SBN News: X)"): the line below starts something else; so does a line longer than any
            // wrap (a dek over the author's name), unless the next goes on in lower case.
            PageLine above = region[i - 1], l = region[i];
            if (!above.HasText || !l.HasText || PageCues.IsMetadata(l.Text) || PageCues.IsTrail(l.Text) || PageCues.IsBylineOrDate(l.Text)
                || UnitCues.EndsSentence(above.Text) || PageCues.IsMetadata(above.Text) || PageCues.IsBylineOrDate(above.Text) || PageCues.IsSalutation(above.Text)
                || UnitCues.IsCaption(above.Text) || above.Text.Length > UnitCues.LongLine && !char.IsLower(l.Text[0])) continue;
            if (prose[i - 1] && !PageCues.IsCrosshead(above.Text)) prose[i] = true;
            else if (char.IsLower(l.Text[0]) && prose[i]) prose[i - 1] = true;
        }
        // A forum signature under its separator ("_________________"), to the next blank line: the poster's, not the post's; so are the
        // lines the page prints under a later post's separator, wherever they sit.
        var signed = ForumSignature.Texts(lines);
        for (int i = 0, signature = 0; i < region.Count; i++)
        {
            if (region[i].Role == LineRole.Blank) signature = 0;
            else if (PageCues.SeparatesSignature(region[i].Text)) (signature, prose[i]) = (1, false);
            else if (signature == 1 || signed.Contains(region[i].Text)) prose[i] = false;
        }
        // A subscribe box's pitch on the line right over its e-mail field ("… Subscribe to get each letter by email." over "Type your email..."): the publisher's.
        for (int i = 1; i < region.Count; i++)
            if (region[i].Text.Length > 0 && PageCues.IsEmailField(region[i].Text)) prose[i - 1] = false;
        var captions = CaptionLines.In(region);
        var body = new List<PageLine>();
        for (int i = 0; i < region.Count; i++)
        {
            var l = region[i];
            if (l.HasText && (UnitCues.IsCaption(l.Text) || UnitCues.IsByline(l.Text) || captions.Contains(l.Number)))
            {
                // Captions and bylines stand alone: never joined to the paragraphs around them.
                body.Add(l with { Role = LineRole.Blank, Text = "" });
                body.Add(l);
                body.Add(l with { Role = LineRole.Blank, Text = "" });
                continue;
            }
            body.Add(l.HasText && !prose[i] ? l with { Role = LineRole.Boilerplate } : l);
        }
        var drafts = Draft.KeepFirstOfRepeats(ParagraphSplitter.Split(body));
        // A publisher's disclaimer is no part of the article, and leaves the author bio above it last in the body.
        drafts = [.. drafts.Where(d => !PullQuote.Is(d, drafts) && !UnitCues.IsDisclaimer(d.Text))];
        var kinds = drafts.Select(d => captions.Contains(d.Line) ? UnitKind.Caption : BodyKind(d)).ToArray();
        if (LeadCaption.At(lines, headline, drafts) is int caption and >= 0) kinds[caption] = UnitKind.Caption;
        // An author bio closes the article: one or two short paragraphs after it are the page's blurbs ("Real-time
        // updates … right in the palm of your hand." under an app's name), not body.
        int blurbs = Enumerable.Range(1, 2).FirstOrDefault(n => drafts.Count > n && kinds[^(n + 1)] == UnitKind.Paragraph
            && UnitCues.IsAuthorBio(drafts[^(n + 1)].Text, drafts[^(n + 1)].Bulleted) && drafts.TakeLast(n).All(d => kinds[drafts.IndexOf(d)] == UnitKind.Paragraph && PageCues.Words(d.Text) <= 20));
        // Author bios close the body: walk back from its end while paragraphs read as bios.
        for (int i = drafts.Count - 1 - blurbs; i >= 0; i--)
        {
            if (kinds[i] != UnitKind.Paragraph) continue;
            if (!UnitCues.IsAuthorBio(drafts[i].Text, drafts[i].Bulleted)) break;
            kinds[i] = UnitKind.Byline;
        }
        // Or open it, under the byline that names the same author ("By Leandro Ocasio-Prieto" over "Leandro Ocasio-Prieto is a
        // senior fellow at …"), among the first two paragraphs (a dek may come first).
        foreach (int i in Enumerable.Range(0, drafts.Count).Where(i => kinds[i] == UnitKind.Paragraph).Take(2).ToList())
            if (UnitCues.IsAuthorBio(drafts[i].Text, drafts[i].Bulleted) && BylineNames(region, drafts[i])) kinds[i] = UnitKind.Byline;
        units.AddRange(drafts.Select((d, i) => new ArticleUnit(kinds[i], d.Text, d.Line)).Take(drafts.Count - blurbs));
        return units;
    }

    /// <summary>Whether the next line of text below the blank line at <paramref name="blank"/> is a title or label, no sentence.</summary>
    private static bool TitleBelow(List<PageLine> region, int blank) =>
        region.Skip(blank + 1).FirstOrDefault(l => l.Role != LineRole.Blank) is { } next && next.HasText && !UnitCues.EndsSentence(next.Text) && !PageCues.EndsInButton(next.Text);

    /// <summary>
    /// Whether the line below an appeal's head is its text (prose) or a blank line over it, not the next button of a row ("Subscribe" over
    /// "4.1K", "Share", or over a dropped row of buttons, "48K   Share   Download").
    /// </summary>
    private static bool AppealTextBelow(List<PageLine> region, int head) =>
        head + 1 < region.Count && region[head + 1] is var below && (below.Role == LineRole.Blank || BodyBounds.IsProse(below));

    /// <summary>Whether a byline (or the author's bare name) above the paragraph <paramref name="bio"/> names the person the paragraph opens with.</summary>
    private static bool BylineNames(List<PageLine> region, Draft bio)
    {
        string name = string.Join(' ', bio.Text.Split(' ').Take(2));
        return region.Any(l => l.Number < bio.Line && l.HasText && (UnitCues.IsByline(l.Text) || PageCues.IsBylineOrDate(l.Text) || PageCues.IsBareName(l.Text))
            && l.Text.Contains(name, StringComparison.Ordinal));
    }

    private static UnitKind BodyKind(Draft d) =>
        UnitCues.IsByline(d.Text) ? UnitKind.Byline
        : UnitCues.IsCaption(d.Text) || d.Repeated && d.Text.Length <= UnitCues.CaptionMaxChars ? UnitKind.Caption
        : UnitKind.Paragraph;
}
