using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// The shapes of the lines around an article's text on real pages (studied on stored pages of many sites,
/// tested on the authored layouts in tests/Stance.Tests/Fixtures/pages): metadata of posts and comments,
/// the lines that end an article's body, quote introducers in forum replies, and what prose looks like.
/// </summary>
internal static partial class PageCues
{
    /// <summary>A line with this many words is prose even without a sentence end (a hard-wrapped line, a long run-on comment).</summary>
    public const int ProseWords = 8;

    public static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Text a reader argues with: a sentence end, or a long line; never a breadcrumb or a title tag ("A | B", "Home » News").</summary>
    public static bool IsProse(string text) => (UnitCues.EndsSentence(text) && Words(text) >= 2 || Words(text) >= ProseWords) && !IsTrail(text);

    /// <summary>A sentence that opens an article's body: a real sentence of six words or more (a headline rarely ends with a period).</summary>
    public static bool OpensBody(string text) => UnitCues.EndsSentence(text) && Words(text) >= 6 && !IsTrail(text) && !UnitCues.IsCaption(text);

    /// <summary>
    /// Breadcrumbs, title tags, footer link rows and mottos: "Home » Cuba » …", "Board index ‹ Cuba", "Title | Site", "Contact | Terms | Privacy", "Solidarity • Education • Action".
    /// A "»" that closes a "«" with the line going on after it ("Las «mulas» cubanas llenan …") or with a sentence's end ("… «¿Qué voy a hacer?».") ends a quote, no link; a forum's
    /// "« Reply #1 on: … »" or a pinned «Title» at the line's end still labels a link.
    /// </summary>
    public static bool IsTrail(string text) =>
        text.Contains('»') && !QuoteInLine().IsMatch(text) || text.Contains(" | ") && !LabelledSentence(text) || text.Contains(" > ") || text.Contains(" › ") || text.Contains(" ‹ ") || text.Contains(" · ") || text.Contains(" • ")
        || text.Split(" / ").Length > 2;

    [GeneratedRegex(@"«[^«»]+».*\p{L}|«[^«»]*[.!?…]»[.!?]?$|«[^«»]+»[.!?]$")]
    private static partial Regex QuoteInLine();

    /// <summary>"⚡️ UPDATE | The grid went down again at 5:40 this morning, …": one label, then a long sentence.</summary>
    private static bool LabelledSentence(string text) => text.Split(" | ").Length == 2 && UnitCues.EndsSentence(text) && Words(text) >= 12;

    /// <summary>
    /// A line after which a comment thread is over: the comment form, older/newer post links, the blog's or forum's sidebar,
    /// the lists of other stories below it ("Recommended from …", "Related stories", "Related questions", "Related Answers Section",
    /// "Latest", "Petitions you may also like", a travel forum's "Top questions about Viñales" or "Recent Cuba discussions", X's "Discover more" and "Relevant people", Spanish "Noticias relacionadas"), a Spanish "Cargar 2 comentarios más", a tabloid's "View all 212 comments" under the ones it shows, a notice that the topic is closed to new posts, a blog's list of the posts that link here ("Trackbacks/Pingbacks"), a community's sidebar ("Moderators", "Community rules"), the footer, a prompt to log in
    /// for more ("Log in to see more replies.", "You must log in or register to reply here.", "You are not currently logged in. …"): what follows is for members, not the thread.
    /// </summary>
    public static bool EndsComments(string text) => CommentsEnd().IsMatch(text);

    /// <summary>
    /// A crosshead inside a body ("What changes?"): a short line that does not end with a period. An interview's
    /// question, "Q: Will you go again?", is a paragraph however short, and so is a transcript's turn under its speaker's name in
    /// capitals ("HADDOCK: And strings?").
    /// </summary>
    public static bool IsCrosshead(string text) => Words(text) <= 6 && !text.TrimEnd('”', '"', '’', '\'', ')').EndsWith('.') && !IsSalutation(text) && !text.StartsWith("Q: ", StringComparison.Ordinal)
        && !SpeakerTurn().IsMatch(text);

    [GeneratedRegex(@"^\p{Lu}[\p{Lu}'’-]+(?: \p{Lu}[\p{Lu}'’-]+){0,2}: \S")]
    private static partial Regex SpeakerTurn();

    /// <summary>A pitch's sentence with its button glued after it, "… for Cuba and Jamaica. Book a call →": the pitch ends there.</summary>
    public static bool EndsInButton(string text) => ButtonTail().IsMatch(text);

    [GeneratedRegex(@"[.!?]\s+[^.!?]{1,30}\s[→›»]$")]
    private static partial Regex ButtonTail();

    /// <summary>Blogger's "Anonymous said..." before a comment on the same line: the length of the prefix, 0 when there is none.</summary>
    public static int SaidPrefix(string text) => BloggerSaid().Match(text) is { Success: true } m ? m.Length : 0;

    /// <summary>
    /// A line about a post rather than part of it: dates and times, "Reply", "Like", "Quote", points and
    /// likes, "Posted …", "submitted … by", member titles, post counts, "says:", forum post numbers, e-mail headers ("Subject: …"),
    /// "a month ago", an author known by initials ("M."), Disqus's reply line "Miami Mike → Hector V.", a review's stars "★★★★☆",
    /// tag lines ("Topics: …"), a footnote ("[1] Author's estimate …": the note, not the article's text), a commenter's name over
    /// the comment's age ("yhernandez 8 hours ago | next [–]", a video page's "@handle  3 days ago"), a video comment's likes before its
    /// "Reply" ("2.3K   Reply"), a video's views ("212,408 views  Apr 9, 2025"), phpBB's "Post subject: …",
    /// a review's head ("Marco P wrote a review Jan 2025", "4.0 of 5 bubbles", "Date of stay: …", "Response from X, Owner"), a
    /// reply's head ending in its age ("user@instance · 3d", "Comment by X · 1y", "Maritza L · Tampa, FL · 2 days ago", Disqus's "Javier_Ortuño • 6 hours ago"), a Q&amp;A's
    /// "Upvote · 312" and "· Follow", a vote row ("▲ 21 ▼ reply ⋯", "♥ 84 · Report", a tabloid's "Reply   Click to rate ▲ 45 ▼ 3"), "Replying to X", a labelled field naming who
    /// did something ("Claimed by: …", "Reviewed by: …"), a photo site's commenter over the comment's age and its likes under it
    /// ("beatriz.olazabal 3w", "42 likes Reply"), a tabloid's commenter, place and the comment's age ("Mrs Tilly, Swindon, United Kingdom, 1 hour ago", "Tomás R., Leeds, …"),
    /// a scored thread's poster line ending in the comment's number ("by cablemonkey (88213) on Friday March 06, 2026 @07:48PM (#65510233)"),
    /// the foot of a folded quote ("Click to expand..."), a travel forum's numbered reply title ("1. Re: Cash or card …"), a forum post's
    /// date and number ("May 12, 2027 #1"), its poster's rank line ("Newbie · Joined: Jan 2027 · Posts: 3") and its buttons ("Like · Reply"),
    /// vBulletin's poster lines ("Likes: 0", "The Following 3 Users Say Thank You to X For This Useful Post:", "Received 12 Likes on 11 Posts", "Thanked 3 Times in 2 Posts", "name is offline", "Original Poster"), a code host's comment head ("kofi-adj commented 2 days ago") and its badge ("Owner", "Mod"), XenForo's "Thread starter x Start date …" and "Discussion in 'Forum' started by x, date.", a name with its
    /// rank after it ("sueellen Guest"), "Member since Oct 2012", a thread's pages ("Page 1 of 1"), a reading time ("— 6 min read"), a letter's sign-off under it ("— Name, Town"), LiveJournal's reply row ("(Reply) (Thread) (Link)"), a
    /// Google Groups message's "unread," and its list ("to caribbean-philatelists"), a store review's "4.0 out of 5 stars Title" and "Reviewed in … on …",
    /// a forum's "x, y and 4 others like this.", a news aggregator's "Posted by x on … from the … dept.".
    /// </summary>
    public static bool IsMetadata(string text) => Metadata().IsMatch(text) || DateLine().IsMatch(text);

    /// <summary>A byline or a date line of the article: "By Jane Doe", "Text and photos by …", "Commentary by …", "Por Redacción | 12 de marzo".</summary>
    public static bool IsBylineOrDate(string text) =>
        BylineStart().IsMatch(text) && Words(text) <= 14 && !UnitCues.EndsSentence(text) || DateLine().IsMatch(text) || DatesBy().IsMatch(text)
        || Authors().IsMatch(text) || DatedByline().Match(text) is { Success: true } m && DateLine().IsMatch(m.Groups["date"].Value)
        || SourceDated().Match(text) is { Success: true } s && DateLine().IsMatch(s.Groups["date"].Value);

    /// <summary>The outlet, a slash, then the date: "The Manila Ledger / 05:14 AM December 10, 2027" (the Inquirer's dateline under the byline).</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}.'’& -]{2,40}?\s/\s(?<date>[^/]{6,40})$")]
    private static partial Regex SourceDated();

    /// <summary>A date, perhaps in brackets, then the byline: "[April 22, 2025]  By Tomás Ilarraza".</summary>
    [GeneratedRegex(@"^[\[(]?(?<date>[^\[\]()]{6,40}?)[\])]?\s+[Bb]y\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}$")]
    private static partial Regex DatedByline();

    /// <summary>
    /// A byline that names the reporter and where they write from, "Ruaraidh Fenwick in Varadero": two to four capitalized
    /// names, "in", a place of one to three; or two reporters, "Ingrid Solberg in Havana and Tomás Ferrer in Mexico City". A title-case headline may have that shape too, so callers want a date below it.
    /// </summary>
    public static bool IsPlacedByline(string text) => PlacedByline().IsMatch(text);

    /// <summary>"Orlaith Mac Giolla Rua", "Wendell Achterberg": two to four capitalized words and nothing else (not "By …"), a person's name.</summary>
    public static bool IsBareName(string text) => BareName().IsMatch(text);

    [GeneratedRegex(@"^(?!(?i:by|por)\s)\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$")]
    private static partial Regex BareName();

    /// <summary>
    /// A person's name and title, set apart by commas: "Lorenzo Aldecoa-Pike, Senior Fellow, Caribbean Program", "Ana Ruiz, Director":
    /// a think tank's or a university's author line. A title-case headline seldom has a comma after its first two to four words.
    /// </summary>
    public static bool IsTitledName(string text) => TitledName().IsMatch(text);

    [GeneratedRegex(@"^(?!(?i:by|por)\s)\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}(?:,\s+\p{Lu}[\p{L}'’.&-]*(?:\s+(?:\p{Lu}[\p{L}'’.&-]*|of|for|on|and|the|de|del|y)){0,5}){1,3}$")]
    private static partial Regex TitledName();

    [GeneratedRegex(@"^(?:\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}(?:\s+in\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2})?\s+and\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s+in\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2}$")]
    private static partial Regex PlacedByline();

    /// <summary>Two or three reporters' names with no "By": "Lucía Méndez and Paul Kessler", "Ana Ruiz, Tom Bell and Li Wen".</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}(?:,\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2})?\s+(?:and|&|y)\s+\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}$")]
    private static partial Regex Authors();

    /// <summary>WordPress's post line, its dates glued together: "June 3, 2025June 4, 2025 by Reinier Castellanos".</summary>
    [GeneratedRegex(@"(?i)^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*\.?\s+\d{1,2},?\s+\d{4}\s*){1,2}(?:by\s+\S.{0,60})?$")]
    private static partial Regex DatesBy();

    /// <summary>"submitted 6 months ago by x", "Posted by x on …": who posted a thread, under its title.</summary>
    public static bool IsSubmission(string text) => Submission().IsMatch(text);

    [GeneratedRegex(@"(?i)^(?:submitted|posted)\b.{0,100}$")]
    private static partial Regex Submission();

    /// <summary>
    /// When a post was written, and nothing else but its actions: a date line, "18:11", "3 days ago · Reply", "17h Like Reply", Facebook's
    /// Spanish row with its reactions "1 sem Me gusta Responder 😍 41".
    /// </summary>
    public static bool IsStamp(string text) => DateLine().IsMatch(text) || Stamp().IsMatch(text);

    [GeneratedRegex(@"(?i)^(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|(?:an?|one)\s+(?:minute|hour|day|week|month|year)\s+ago|\d+\s*(?:s|m|min|h|d|w|y|mins?|hrs?|minutes?|hours?|days?|weeks?|months?|years?|sem|semanas?|días?|horas?|minutos?)\.?(?:\s+ago)?)(?:\s*[·•|].{0,60}|(?:\s+(?:like|reply|edited|share|report|me\s+gusta|responder|editado))+(?:\s+[\p{So}\p{Cs}\uFE0F\u200D]+\s*[\d.,]+(?:\s*(?:mil|k))?)?)?$")]
    private static partial Regex Stamp();

    /// <summary>
    /// A date line: "March 12, 2024", "Published Aug. 14, 2023 at 4:05 p.m.", "Publication date: 11 July 2025", "15 abril, 2024", vBulletin's "Old May 24th, 2024, 10:16 AM" (its age icon's text before the date),
    /// "20 de febrero de 2025 a las 13:25", a time before the date "06:00, 30 JAN 2027", a dateline "Havana - 21 JAN 2025 - 18:40 CET" (its place's name perhaps joined by "de" or "y": "San Juan y Martínez (Pinar del Río) - 04 dic 2027 - 05:30 CET"), "Mexico City / 18.03.2025 08:47:12" or
    /// "El Cobre, Cuba, Mar 2, 2025 / 08:40 am", a commenter with their outlet in brackets before the date ("Ana Ruiz (The Herald) — 13/03/2027 at 10:20"),
    /// a weekday or a commenter set apart by a bar ("Wednesday | October 6, 2027", "Ernesto M. (Canada) | 08/10/2027 15:02"),
    /// and a second date after it ("…, first published 8 February 2025") or a forum's edit note ("12-09-2027, 07:14 PM (This post was last modified: … by x.)").
    /// </summary>
    public static bool IsDate(string text) => DateLine().IsMatch(text);

    /// <summary>
    /// A line after which the article's body is over: tags, related and most-read lists ("Most Viewed in Sport", a portal's "More for You"), share rows (a tabloid's
    /// "Share or comment on this article:" over the headline again; not a sentence asking to share,
    /// "Share this post with neighbours who don't have data."), author boxes, paid content.
    /// </summary>
    public static bool EndsBody(string text) => BodyEnd().IsMatch(text);

    /// <summary>
    /// Of those, the heads of boxes a page may also set inside an article (related, most read, newsletter): the body may go on after them;
    /// "Also of interest" heads only such a box, and so do its Spanish kin ("También te puede interesar:", "Te recomendamos:", "Más sobre este tema"), "Read more about:"
    /// and a liveblog's "Key events" (the titles of its entries, each after its age).
    /// "Similar stories" heads the page's lists below the article, never a box inside it.
    /// </summary>
    public static bool OpensBox(string text) => BoxStart().IsMatch(text);

    /// <summary>
    /// A Reddit mirror's poster line: "u/name Apr 29 '23 edited Apr 30 '23" over a reply, "r/travel • u/name • Apr 29 '23" over the
    /// thread's title (no sentence end: "u/name said it well." is prose).
    /// </summary>
    public static bool IsRedditPoster(string text) => RedditPosterLine().IsMatch(text);

    /// <summary>Whether the poster line names the subreddit too ("r/travel • u/name • date"): the opening post's, over the thread's title.</summary>
    public static bool IsRedditPostLine(string text) => RedditPosterLine().Match(text) is { Success: true } m && m.Groups["sub"].Success;

    /// <summary>Whether the poster line heads a reply ("u/name Oct 20 '24"): a poster line that names no subreddit.</summary>
    public static bool IsRedditReplyPoster(string text) => RedditPosterLine().Match(text) is { Success: true } m && !m.Groups["sub"].Success;

    /// <remarks>
    /// A mirror may print a removed account as "u/[deleted]", and a post line without its poster, the subreddit, its flair and the date
    /// ("r/baseball Washington Nationals Mar 20 '23").
    /// </remarks>
    private const string RedditPoster = @"(?:(?<sub>r/\w{2,30}\s+[·•]\s+)?u/(?:[\w-]{3,30}|\[deleted\])(?:\s+[^.!?]{0,80})?|(?<sub>r/\w{2,30})(?:\s+[^.!?]{1,60}?)?\s+\p{L}{3}\s+\d{1,2}\s+'\d{2})";

    [GeneratedRegex(@"^" + RedditPoster + "$")]
    private static partial Regex RedditPosterLine();

    /// <summary>
    /// The head of a list of other stories, "More interviews", "Other news", "Related videos", an NGO's "Related alerts", a ministry's "Related statements": it opens a box inside the
    /// article and also ends the body, so both patterns take it from here (line text has single spaces, so \s+ serves both).
    /// </summary>
    private const string OtherStoriesHead = @"(?:more|other|related)\s+(?:\p{L}+\s+)?(?:stories|articles|interviews|news|videos|reviews|essays|columns|posts|features|podcasts|releases|reports|alerts|statements|declarations|documents):?";

    [GeneratedRegex(@"(?i)^(?:related(?:\s+(?:posts?|stories|articles?|content|news|coverage|reading))?(?:\s+from\s.{1,60})?:?|more\s+information:?|read\s+(?:more(?:\s+about)?|next|also):?|más\s+sobre\s+(?:este|el)\s+tema:?|more\s+(?:from|on|in|stories)\b.{0,60}|" + OtherStoriesHead + @"|most\s+(?:read|popular|viewed|shared)(?:\s+in)?(?:\s+\p{L}+)?:?|more:?|more\s+for\s+you|key\s+(?:events|moments|updates)|you\s+(?:may|might)\s+also\s+like:?|(?:también\s+)?te\s+(?:puede|podría)\s+interesar:?|te\s+recomendamos:?|(?:lee|lea|ver)\s+también:?|see\s+also:?|más\s+información:?|also\s+of\s+interest:?|recommended(?:\s+for\s+you|\s+stories)?:?|newsletter\b.{0,60}|sign\s+up\b.{0,60}|subscribe\b.{0,60}|get\s+the\s+best\s+of\b.{0,80})$")]
    private static partial Regex BoxStart();

    /// <summary>
    /// The head of a social post embedded in an article, "Walter Briggs @USBPChiefMIP · Aug 18": the post under it, to the
    /// next blank line, is quoted from elsewhere, not the article's text.
    /// </summary>
    public static bool OpensEmbed(string text) => EmbedHead().IsMatch(text);

    [GeneratedRegex(@"^[^@]{1,40}\s@\w{1,30}\s+·\s+.{1,20}$")]
    private static partial Regex EmbedHead();

    /// <summary>
    /// The head of an ad set between paragraphs or replies, "Sponsored", "Sponsored by X", "Promoted", a portal's "Contenido patrocinado": its pitch below, to the
    /// next blank line, is the advertiser's, sentences included ("Meet 400 suppliers in one week. Register for …"); a channel's "Ad" over its pitch too.
    /// </summary>
    public static bool OpensSponsored(string text) => Sponsored().IsMatch(text);

    [GeneratedRegex(@"(?i)^(?:ad|anuncio|sponsored|promoted|advertisement|patrocinado|paid\s+(?:content|partnership)|contenido\s+patrocinado|sponsored\s+content|contenuto\s+sponsorizzato|contenu\s+sponsoris[ée])(?:\s+by\s.{1,60})?$")]
    private static partial Regex Sponsored();

    /// <summary>A promoted post's label printed under its pitch, "Ad", "Promoted" (X sets one between the replies): the text above it is the advertiser's.</summary>
    public static bool IsAdLabel(string text) => AdLabel().IsMatch(text);

    [GeneratedRegex(@"(?i)^(?:ad|promoted|sponsored|anuncio|publicidad)$")]
    private static partial Regex AdLabel();

    /// <summary>The mark that ends a press release's text: "###", "-30-", "– ENDS –".</summary>
    public static bool ClosesRelease(string text) => text is "###" or "# # #" || ReleaseEnd().IsMatch(text);

    /// <summary>"-30-", "– ENDS –", "ENDS": a release's end mark in words or numbers.</summary>
    [GeneratedRegex(@"^(?:[-–—]\s*(?:30|ENDS|Ends|ends)\s*[-–—]|ENDS)$")]
    private static partial Regex ReleaseEnd();

    /// <summary>
    /// The head of a box that asks the reader for something (subscribe, sign up, donate, "Help Havana Times continue",
    /// "Support the Courier", "COLABORE CON NUESTRO TRABAJO"): the whole box, sentences included, runs to the next blank line.
    /// </summary>
    public static bool OpensAppeal(string text) => Appeal().IsMatch(text) && !UnitCues.EndsSentence(text);

    [GeneratedRegex(@"(?i)^(?:subscribe\b.{0,60}|sign\s+up\b.{0,60}|donate\b.{0,40}|become\s+a\s+(?:member|subscriber|patron|supporter)\b.{0,40}|(?:help|support)\s+(?:us|our\s+work|independent\s+journalism)\b.{0,40}|help\s+(?-i:\p{Lu}).{1,40}\s+continue|support\s+the\s+(?-i:\p{Lu}).{1,40}|(?:colabor[ae]|colabora)\s+con\s+nuestro\s+(?:trabajo|periodismo)|apoya\s+nuestro\s+(?:trabajo|periodismo)|sostieni\s+il\s+nostro\s+(?:lavoro|giornalismo))$")]
    private static partial Regex Appeal();

    /// <summary>A subscribe box's e-mail field, "Type your email...", "Enter your email address", its button perhaps glued on ("… Subscribe").</summary>
    public static bool IsEmailField(string text) => EmailField().IsMatch(text);

    [GeneratedRegex(@"(?i)^(?:type|enter|your)\s+(?:your\s+)?e-?mail(?:\s+address)?\s*(?:\.{3}|…|\*)?(?:\s+(?:subscribe|sign\s+up|join))?$")]
    private static partial Regex EmailField();

    /// <summary>"Dear readers,", "Hi all,": a letter's salutation, a paragraph of its own.</summary>
    public static bool IsSalutation(string text) => Salutation().IsMatch(text);

    [GeneratedRegex(@"(?i)^(?:dear|hi|hello|hey|queridos?|queridas?|estimados?|estimadas?)\b[^.!?]{0,40},$")]
    private static partial Regex Salutation();

    /// <summary>
    /// "About the Caribbean Relief Alliance" over "The Caribbean Relief Alliance is …": the organisation's boilerplate
    /// under a press release, known by the next line naming it again (its legal form, "About Aldecoa Group, Inc.", need not come again).
    /// </summary>
    public static bool IntroducesAbout(string text, string next) =>
        AboutOrg().Match(text) is { Success: true } m && next.Contains(m.Groups["org"].Value, StringComparison.Ordinal);

    [GeneratedRegex(@"^About\s+(?:the\s+)?(?<org>\p{Lu}[\p{L}\p{N}&'’. -]{1,60}?)(?:,?\s+(?:Inc|Ltd|LLC|Corp|Co|S\.A|GmbH|plc)\.?)?$")]
    private static partial Regex AboutOrg();

    /// <summary>
    /// The line that sets a forum signature or an e-mail sign-off apart from the post: "__________", "----------", "--", and SMF's
    /// "Logged" under every post, its poster's signature below it.
    /// </summary>
    public static bool SeparatesSignature(string text) => text is "--" or "Logged" || text.Length >= 4 && (text.All(c => c == '_') || text.All(c => c == '-'));

    /// <summary>
    /// "On 2/2/2024 at 6:15 PM, Pablo said:", "Quote Originally Posted by x", "Quote:", "Quoting Ernesto:", "Quote from x:", "Quote from: x on March 02, 2026, 09:14:51 PM", a bare
    /// user handle "marcus_t:" (Discourse): the next line is someone else's text. "In reply to x" is not one: the
    /// reply's own text follows it.
    /// </summary>
    public static bool IntroducesQuote(string text) => QuoteIntro().IsMatch(text);

    [GeneratedRegex(@"(?ix)^(?:
        reply|replies|reply\ with\ quote|quote|like|likes|unlike|share|report|permalink|embed|save|hide|parent|flag|link|edited|
        link\ to\ comment|share\ on\ other\ sites|multi-?quote|edit|delete|follow|cancel\ reply|load\ more\ comments|
        show\ more|view\ (?:more\ )?replies|\d+\s+(?:likes?|points?|votes?|replies|upvotes?|posts?)(?:\s+(?:reply|report))?|(?-i:\p{Ll}[\w.]{1,39})\s+\d{1,3}[smhdwy]|[\d.,]+k?\s+posts|
        (?:posted|updated|published|publicado|last\ updated|last\ modified|modified)\b.{0,60}|postposted:.{0,60}|post\ subject:.{0,200}|
        .{1,60}\swrote\ a\ review\b.{0,30}|[\d.]+\ of\ 5\ (?:bubbles|stars)|response\ from\ .{1,80}|responded\ .{1,30}|(?:date\ of\ (?:stay|visit|travel)|trip\ type):.{0,60}|\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?|submitted\b.{0,160}|joined?\b.{0,40}|join\ date\b.{0,40}|location:.{0,60}|posts:\s*[\d.,]+|
        \#\d+|\#\d+\s.{1,60}\s[—–|·-]\s.{1,40}|[+-]?\d{1,5}\s*\(\s*\+\d{1,5}\s*/\s*[-−]\d{1,5}\s*\)|
        " + RedditPoster + @"|\[[–—-]\].{0,80}|.{1,60}\s(?:says|said|wrote|dijo):|(?:\p{L}[\p{L}-]*\ )?members?|
        (?:moderator|administrator|admin|guest|newbie|regular|contributor|staff|owner|author|collaborator|maintainer|mod|op)|↳.{0,80}|
        [—–]\ ?\p{Lu}[\p{L}.'’-]*(?:\ \p{Lu}[\p{L}.'’-]*){0,4},\ \p{Lu}[\p{L}.'’-]*(?:\ \p{L}[\p{L}.'’-]*){0,3}|\((?:reply|thread|parent|link)\)(?:\ \((?:reply|thread|parent|link|expand)\))+|unread,?|to\ (?-i:[a-z0-9][\w@]*(?:[-.@][\w@]+)+)|
        [\d.]+\ out\ of\ 5\ stars\b.{0,120}|reviewed\ in\ .{2,40}\ on\ .{5,30}|(?:like\ reply\ )?(?:[\w.-]+,\ )*[\w.-]+\ and\ \d+\ others?\ like\ this\.?|(?!(?:he|she|it|everyone|everybody|nobody|who|that)\b)[\w.-]+\ likes\ this\.?|
        posted\ by\ .{1,120}\ from\ the\ .{1,80}\ dept\.?|in\ reply\ to\b.{0,80}|replying\ to\b.{0,80}|(?:\p{L}+[\ -]){0,2}by:\ .{1,160}|
        (?:\d+|an?|one)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\ ago.{0,40}|@?[\w.-]{2,40}\s+(?:\d+|an?|one)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\ ago(?:\s+\|.{0,80})?|@?[\w.-]{2,40}\ commented\ (?:(?:\d+|an?|one)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\ ago|on\ .{3,30})|(?:[^.!?]|(?<=\b(?-i:\p{Lu}))\.){1,80},\s+(?:\d+|an?|one)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\ ago|
        [\d.,]+[kKmM]?\s+views\b.{0,80}|[—–-]?\s*\d{1,3}\s*(?:min|mins|minutes?)\s+(?:read|de\ lectura)|[^.!?]{1,40}\s→\s.{1,40}|(?-i:(?:\p{Lu}\.\s?){1,3})|[★☆]+(?:\s.{0,30})?|sorted\ by:.{0,40}|all\ \d+\ comments|
        [\w.'’ -]{1,40}\s+\d+\s+points?\s.{0,40}|
        \p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}\s+(?:\p{Lu}|Jr|Sr)\.|[\d.,]+[kKmM]?(?:\s+\p{L}+)?(?:\s+·\s+[\d.,]+[kKmM]?(?:\s+\p{L}+)?)+|[\d.,]+[kKmM]?\s+reply|load\ more\.*|\d+\s+posted\ on\b.{0,100}|\[.{0,100}\]|to:\s*\S{1,40}|
        (?:keywords?|topics?|tags?|categories):.{0,200}|details|\[\d{1,3}\]\s.{0,400}|(?:subject|date|from|cc|bcc|reply-to|sent):\ .{1,200}|hits:\s*[\d,]+|category:.{0,60}|(?:\d{1,4}\.\s+)?re:\s.{1,200}|.{0,120}\s[—–]|.{1,60}\ssaid(?:\.\.\.|…)|powered\ by\b.{0,60}|blog\ at\ \S+|
        .{1,200}\s·\s+(?:updated\ |answered\ )?\d+\s*(?:s|m|h|d|w|mo|y|mins?|hrs?)|.{1,120}\s[·•]\s+(?:(?:\d+|an?|one)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\ ago|hace\s+(?:\d+|una?)\s+(?:minutos?|horas?|días?|semanas?|mes(?:es)?|años?))|·\s*follow|
        (?:upvote|downvote|share)(?:\s+·\s+[\d.,]+k?(?:\s+comments?)?)?(?:\s+reply)?|
        (?:reply\s+)?(?:click\ to\ rate\s+)?[▲⬆]\s*[\d.,]+k?\s*[▼⬇]\s*[\d.,]+k?|
        [▲♥❤⬆]\s*[\d.,]*k?\s*[▼⬇]?(?:\s+(?:·\s+)?(?:[\d.,]+\s+(?:points?|comments?)|reply|report|share|save|⋯|\[[−-]\]))*|
        by\ .{1,40}\ on\ .{5,60}\(\#\d+\)|click\ to\ expand(?:\.{3}|…)|
        [^\#]{1,40}\s\#\d{1,5}|.{1,40}\s·\s+joined:?\s.{1,80}|(?:like|reply|quote|report|share)(?:\s+·\s+(?:like|reply|quote|report|share))+|
        (?:likes|thanks|reputation|rep|karma|reaction\ score|points):\s*[\d.,]+|received\ [\d.,]+\ likes?\ on\ [\d.,]+\ posts?|the\ following\ [\d.,]+\ users?\ says?\ thank\ you\ to\ .{1,60}\ for\ this\ useful\ post:?|thanked\ [\d.,]+\ times?\ in\ [\d.,]+\ posts?|
        [^.!?]{1,40}\ is\ (?:offline|online)|original\ poster|thread\ starter(?:\ .{1,80})?|member\ since\ .{1,30}|page\ \d{1,4}\ of\ \d{1,4}|[\w.-]{2,30}\ (?:guest|moderator|administrator)|discussion\ in\ .{1,80}\ started\ by\ .{1,80}|
        already\ have\ an?\ .{0,40}\ account\?.{0,40}|you\ need\ to\ be\ a\ member\b.{0,80}|all\ times\ are\b.{0,80}|disclaimer:.{0,300}
    )$")]
    private static partial Regex Metadata();

    [GeneratedRegex(@"(?ix)^(?:(?:(?:originally\ |first\ )?published|updated|posted|last\ updated|modified|publication\ date|date|old|última\ actualización|actualizado(?:\ al)?|still\ valid)[\s:]*)?(?:on\ )?(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?,?\s+)?
        (?:\p{Lu}[\p{L}.'\-]*(?:\ (?:(?:de|del|la|y|e|di|da)\ )?\p{Lu}[\p{L}.'\-]*){0,2}(?:\ ?/\ ?\p{Lu}[\p{L}.'\-]*(?:\ \p{Lu}[\p{L}.'\-]*){0,2})*(?:\ \([^()]{1,40}\))?(?:,\ +|\ +[-–—/|]\ +)){0,2}
        (?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?:
        \d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}-\d{2}-\d{2}|
        (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\w*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4}|\s+'\d{2})?|
        \d{1,2}\s+(?:de\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|ene|abr|ago|dic)\w*\.?(?:,?\s+(?:de\s+)?\d{4})?
    )(?:[\s,·|/–—-]*(?:at\s+|a\s+las\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?.{0,24}?)?(?:\s*[|·–—-].{0,40}|,\s*(?:first\s+|originally\s+)?(?:published|updated|posted)\b.{0,60}|\s*\((?:this\s+post\s+was\s+)?last\s+(?:modified|edited):.{0,100}\))?$")]
    private static partial Regex DateLine();

    // A bare "By", "Por" or Italian "di" takes a name ("By Jane Doe", "di Lorenza Dal Maschio Fenu"), not a phrase ("By ten, the tables are full: …", "By Saturday morning, officials said").
    [GeneratedRegex(@"(?i)^(?:(?:publicado\s+por|(?:(?:photographs?|photos?|text|words)\s+and\s+)?(?:photographs?|photos?|text|words)\s+by|written\s+by|escrito\s+por|(?:story|commentary|analysis|essay|column|interview)\s+by|posted\s+by|from|author|autor)\s*:?\s+\S|(?:by|por|(?-i:di))\s*:?\s+(?-i:[^\p{Ll}\s])(?!(?-i:\p{L}+\s+(?!(?:and|de|del|da|di|do|dos|la|le|van|von|y|for|in|at|on|with)\b)\p{Ll})))")]
    private static partial Regex BylineStart();

    [GeneratedRegex(@"(?ix)^(?:
        tags?\s*:.*|etiquetas\s*:.*|archived\ in:?|archivado\ en\s*:.*|keywords?\s*:.*|tagged\b.*|filed\ (?:under|in)\b.*|categories?\s*:.*|topics?\s*:.*|suggested\ topics:?|labels?\s*:.*|
        related(?:\ (?:posts?|stories|articles?|content|news|coverage|reading|research|links|videos?))?(?:\ from\ .{1,60})?:?|more\ information:?|for\ (?:further|more)\ information:?|noticias\ relacionadas|artículos\ relacionados|similar\ (?:stories|articles|posts):?|read\ next:?|more\ (?:from|on|in|stories)\b.{0,60}|" + OtherStoriesHead + @"|
        written\ by\ \p{Lu}[^.!?]{0,60}|originally\ published\ (?:by|in|at)\ \p{Lu}.{0,80}|see\ also:?|external\ links|further\ reading:?|notes(?:\ to\ editors)?:?|most\ (?:read|popular|viewed|shared)(?:\ in)?(?:\ \p{L}+)?:?|more\ for\ you|articles\ in\ this\ (?:story|series):?|(?:media|press)\ contacts?:?|lo\ más\ (?:leído|visto)|(?:story\ )?sources?:?|references:?|journal\ reference:?|cite\ this\ (?:article|report|page|paper|story)(?::.{0,40})?|recent\ (?:posts|articles|stories|news):?|you\ (?:may|might)\ also\ like:?|
        recommended(?:\ for\ you|\ stories)?:?|trending(?:\ now)?:?|popular\ (?:posts|stories):?|latest\ (?:news|posts|stories):?|
        share\ (?:this|on|via)\b(?!.*[.!]$).{0,60}|share:?|share\ or\ comment\ on\ this\ (?:article|story|post):?|paid\ content|sponsored\ (?:content|stories|links)|promoted\ (?:content|stories)|from\ our\ partners|about\ (?:us|the\ author)|subscribe\b.{0,60}|sign\ up\b.{0,60}|
        get\ the\ best\ of\b.{0,80}|newsletter\b.{0,60}|our\ standards:.{0,120}|copyright\b.{0,120}|all\ rights\ reserved.{0,40}|
        comments\ are\ closed\.?|leave\ a\ (?:reply|comment)\b.{0,60}|submit\ a\ comment|post\ (?:a\ )?comment|
        previous\ (?:article|post)\b.{0,120}|next\ (?:article|post)\b.{0,120}|print\ this\ (?:page|article)\b.{0,60}|
        know\ someone\ who\b.{0,120}|got\ this\ from\ a\ friend\b.{0,120}|you\ are\ receiving\ this\b.{0,200}|unsubscribe\b.{0,120}
    )$")]
    private static partial Regex BodyEnd();

    [GeneratedRegex(@"(?i)^(?:quote:|\S{1,40}\s+wrote:\s*↑.{0,400}|(?:quote\s+)?originally\s+posted\s+by\b.{0,60}|on\s.{3,60}\s(?:said|wrote):|.{1,60}\s(?:said|wrote):|quoting\s.{1,60}:|quote\s+from\s.{1,60}:|quote\s+from:\s.{1,80})$|^(?-i:(?=\p{Ll}|.*[_\d])[\p{L}\p{N}_.-]{2,30}):$")]
    private static partial Regex QuoteIntro();

    [GeneratedRegex(@"(?ix)^(?:
        leave\ a\ (?:reply|comment)\b.{0,60}|post\ a\ comment|submit\ a\ comment|add\ (?:a\ |new\ )?(?:comment|reaction)|(?:publicar|enviar|deja|dejar)\ (?:su\ |tu\ |un\ )?(?:opinión|comentario)|
        log\ in\ to\ (?:see|view|read)\ more\b.{0,40}|you\ must\ log\ in\b.{0,80}|comments\ are\ closed\.?|
        recommended(?:\ for\ you|\ stories|\ from\ .{1,60})?:?|related(?:\ (?:posts?|stories|articles?|content|news|videos?|questions|answers))?(?:\ section)?:?|latest:?|(?:\p{L}+\ )?you\ (?:may|might)\ also\ like:?|
        moderators|(?:community|subreddit|forum|group)\ rules|
        you\ must\ be\ (?:logged|signed)\ in\b.{0,80}|you\ are\ not\ (?:currently\ )?(?:logged|signed)\ in\b.{0,120}|this\ (?:topic|thread|discussion)\ (?:has\ been|is|was)\ (?:closed|locked|archived)\b.{0,120}|(?:top|popular|similar|more)\ questions(?:\ (?:about|on|in)\ .{1,60})?:?|newer\ post|older\ post|subscribe\ to:.{0,60}|about\ (?:me|us|the\ author)|
        about\ (?:this\ )?(?:community|subreddit|group|forum|channel)|
        discover\ more|relevant\ people|who\ to\ follow|recent\ (?:\p{L}+\ )?(?:posts|articles|stories|comments|discussions|threads)|(?:trackbacks?|pingbacks?)(?:\ ?(?:/|and|&)\ ?(?:trackbacks?|pingbacks?))?|popular\ posts|blog\ archive|previous\ (?:article|post)\b.{0,120}|
        next\ (?:article|post)\b.{0,120}|copyright\b.{0,120}|[^.!?]{0,60}©.{0,120}|.{0,80}all\ rights\ reserved\.?|powered\ by\b.{0,80}|
        latest\ news|read\ next:?|more\ (?:from|stories)\b.{0,60}|create\ an\ account\b.{0,60}|similar\ threads|
        (?:load|show|view)\ (?:\d+\ )?more\ (?:comments|reactions)|view\ all\ [\d.,]+k?\ comments|(?:cargar|ver|mostrar)\ (?:\d+\ )?(?:comentarios|respuestas)\ más|(?:cargar|ver|mostrar)\ más\ comentarios|noticias\ relacionadas|artículos\ relacionados|up\ next\b.{0,20}|lo\ más\ (?:leído|visto)|most\ (?:read|popular|viewed|shared)\b.{0,40}|trending(?:\ now)?:?|
        this\ site\ uses\ akismet\b.{0,120}|who\ is\ online|you\ (?:cannot|can)\ (?:post|reply|edit|delete|vote)\b.{0,40}\bin\ this\ forum|use\ of\ this\ site\ constitutes\b.{0,200}|
        .{0,80}\bis\ published\ by\b.{0,120}|.{0,200}\btodos\ los\ derechos\ reservados\b.{0,40}
    )$")]
    private static partial Regex CommentsEnd();

    [GeneratedRegex(@"^[\p{L}\p{N}][^!?]{0,40}?\s+said(?:\.\.\.|…)\s+")]
    private static partial Regex BloggerSaid();
}
