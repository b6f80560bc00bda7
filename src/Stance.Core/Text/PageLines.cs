using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>Splits a page into <see cref="PageLine"/>s and gives each its role.</summary>
internal static partial class PageLines
{
    public static List<PageLine> Read(string page, IReadOnlyList<Regex> boilerplate)
    {
        var lines = new List<PageLine>();
        var raw = page.Split('\n');
        for (int i = 0; i < raw.Length; i++)
        {
            string text = ThreadRail().Replace(Spaces().Replace(ActionTail().Replace(raw[i], ""), " ").Trim(), "");
            var bullet = BulletMark().Match(text);
            // A middle dot before a post's age ("· 6h", "· 1 hr ago" under a commenter's name) sets the age apart, no list item.
            if (bullet.Success && bullet.Value.StartsWith('·') && PageCues.IsStamp(text[bullet.Length..])) bullet = Match.Empty;
            // So does a bullet before it ("• 5h ago" under a Reddit commenter's name): the age is metadata, no list item.
            bool ageDot = bullet.Success && PageCues.IsStamp(text[bullet.Length..]);
            if (bullet.Success) text = text[bullet.Length..];
            if (ageDot) bullet = Match.Empty;
            text = EditLink().Replace(PrintStamp().Replace(LinkMarker().Replace(text, ""), ""), "");
            // A comment header with its count set apart by a tab ("Comentarios	(5)") is no table row.
            var role = RoleOf(text, bullet.Success, boilerplate);
            if (role != LineRole.CommentHeader && (IsMenuRow(raw[i]) || IsTableRow(raw[i]) || IsBoxScore(raw[i]) || IsRunningHead(raw[i]))) role = LineRole.Boilerplate;
            // A line in lower case right under a dropped line that ends no sentence is the rest of it, hard-wrapped ("¹ Cases were counted
            // when … at least one" over "other source.").
            if (role == LineRole.Content && text.Length > 0 && char.IsLower(text[0]) && lines.Count > 0 && lines[^1] is { Role: LineRole.Boilerplate } above
                && above.Text.Length > 0 && char.IsLetterOrDigit(above.Text[^1])) role = LineRole.Boilerplate;
            lines.Add(new PageLine(i + 1, role, text, bullet.Success));
        }
        DropNumberedLists(lines);
        ListMarks.Mark(lines);
        DropPostNumbers(lines);
        DropBulletedTitles(lines);
        AnswerCount.Mark(lines);
        DropPreviews(lines);
        FeedFurniture.Drop(lines);
        LiveBlog.DropStamps(lines);
        EmbeddedPost.Drop(lines);
        return lines;
    }

    /// <summary>
    /// A menu or action row as pages save it: three or more short items set apart by runs of spaces or tabs
    /// ("Latest  Americas  World  Economy", "Share   Save   Gift article"), none of them a sentence.
    /// Prose uses single spaces between words, so it never has three such gaps of short items. A footer's row may end in its
    /// copyright, "Terms of Service   Privacy Policy   © 2027 X Corp.", whose period ends no sentence.
    /// </summary>
    private static bool IsMenuRow(string raw)
    {
        var items = MenuGap().Split(raw.Trim());
        return items.Length >= 3 && items.All(item => item.Length > 0 && item.Split(' ').Length <= 5 && (!SentenceEnd().IsMatch(item) || item.StartsWith('©')));
    }

    /// <summary>
    /// A printed document's running head or foot as a PDF's text keeps it: two short items, one flush left and one flush right, set
    /// apart by a wide gap ("CARIBBEAN RIGHTS OBSERVATORY                    Field Report 2027/04", "Caribbean Food Watch   …   Page 1
    /// of 3"). The publisher's name and the document's number, not its title.
    /// </summary>
    private static bool IsRunningHead(string raw) =>
        RunningGap().Split(raw.Trim()) is [var left, var right] && new[] { left, right }.All(item => item.Split(' ').Length <= 8 && !SentenceEnd().IsMatch(item));

    [GeneratedRegex(@"[ \u00A0]{10,}")]
    private static partial Regex RunningGap();

    /// <summary>
    /// A table or infobox row as pages save it, a short label and its value set apart by a tab ("Manufacturer	Local conversion
    /// of imported tractor units", "Search for:	Go"): a fact box's line, neither a headline nor prose.
    /// </summary>
    private static bool IsTableRow(string raw)
    {
        var items = raw.Trim().Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length == 2 && PageCues.Words(items[0]) <= 3 && !SentenceEnd().IsMatch(items[0]) && !SentenceEnd().IsMatch(items[1]);
    }

    /// <summary>
    /// A box score's line, "W: Pérez (2-0)   L: Hidalgo (1-1)", "HR: MTZ Lazcano (3)": each item a label of a few capitals, a
    /// player and a record or count in brackets. A sports page's fact line, not its headline.
    /// </summary>
    private static bool IsBoxScore(string raw) => MenuGap().Split(raw.Trim()).All(item => BoxScoreItem().IsMatch(item));

    [GeneratedRegex(@"^\p{Lu}{1,3}:\s[^.!?:]{1,40}\(\d{1,3}(?:-\d{1,3})?\)$")]
    private static partial Regex BoxScoreItem();

    /// <summary>
    /// "Most read" and "related" lists: three or more lines in a row of a number and a title ("2. The quiet
    /// collapse of the village pub"), none closed by punctuation, are furniture. A numbered list inside an
    /// article's body has sentences or clauses that end in punctuation.
    /// </summary>
    private static void DropNumberedLists(List<PageLine> lines)
    {
        for (int i = 0; i < lines.Count;)
        {
            int end = i;
            while (end < lines.Count && lines[end].Role == LineRole.Content && NumberedTitle().IsMatch(lines[end].Text)) end++;
            if (end - i >= 3)
                for (int k = i; k < end; k++) lines[k] = lines[k] with { Role = LineRole.Boilerplate };
            i = Math.Max(end, i + 1);
        }
    }

    /// <summary>
    /// A self-thread's post numbers, "1/ Last week I spent …", "2/ Most of them …": numbered in order from 1, two posts at least, the
    /// number is the platform's count of the posts, not their text. A date's "9/11" has a number after its slash.
    /// </summary>
    private static void DropPostNumbers(List<PageLine> lines)
    {
        var numbered = lines.Select((l, i) => (At: i, Match: l.HasText ? PostNumber().Match(l.Text) : Match.Empty)).Where(p => p.Match.Success).ToList();
        if (numbered.Count < 2 || numbered.Where((p, k) => int.Parse(p.Match.Groups[1].Value) != k + 1).Any()) return;
        foreach (var (at, match) in numbered) lines[at] = lines[at] with { Text = lines[at].Text[match.Length..] };
    }

    [GeneratedRegex(@"^(\d{1,2})/\s+(?=\S)")]
    private static partial Regex PostNumber();

    /// <summary>
    /// The same for bulleted lists ("* Mexico's president visits Guatemala border region" under "MORE NATION &amp; WORLD"):
    /// three or more bullets, with the lines that wrap them or give their links, and not one of those lines ending in
    /// punctuation. A list in a body ends its items with periods or semicolons, or reads as part of the text
    /// (<see cref="InBody"/>).
    /// </summary>
    private static void DropBulletedTitles(List<PageLine> lines)
    {
        for (int i = 0; i < lines.Count;)
        {
            if (!lines[i].Bullet || lines[i].Role != LineRole.Content) { i++; continue; }
            int end = i, bullets = 0;
            bool punctuated = false;
            for (; end < lines.Count && lines[end].Role == LineRole.Content && lines[end].Text.Length > 0; end++)
            {
                if (lines[end].Bullet) bullets++;
                punctuated |= ClauseEnd().IsMatch(lines[end].Text);
            }
            if (bullets >= 3 && !punctuated && !InBody(lines, i, end))
                for (int k = i; k < end; k++) lines[k] = lines[k] with { Role = LineRole.Boilerplate };
            i = Math.Max(end, i + 1);
        }
    }

    /// <summary>
    /// Whether the bulleted list at [<paramref name="from"/>, <paramref name="to"/>) is part of an article's text: a
    /// lead-in ending in ':' introduces it, its items start in lower case (parts of a sentence, not link titles) or with an
    /// amount and a word in lower case (a recipe's "1/3 cup olive oil"; a title's word after a number is capitalized), it
    /// sits over the byline (a standfirst's bullets under the headline), or it sits between two sentences of prose. A "More news" list follows its head or the body's end, never a sentence.
    /// </summary>
    private static bool InBody(List<PageLine> lines, int from, int to)
    {
        var items = lines.Skip(from).Take(to - from).Where(l => l.Bullet).ToList();
        if (items.Count(l => char.IsLower(l.Text[0]) || Amount().IsMatch(l.Text)) * 2 > items.Count) return true;
        string? above = NeighbourText(lines, from - 1, -1), below = NeighbourText(lines, to, +1);
        if (above is null) return false;
        if (above.EndsWith(':') && !PageCues.OpensBox(above) && !PageCues.EndsBody(above)) return true;
        // A tabloid's summary bullets sit between the headline and the byline; a list of links never sits over a byline.
        // The byline is the first line after the bullets, whether the run of lines the list was read as takes it in or not.
        if (lines.Skip(from).FirstOrDefault(l => l.Role != LineRole.Blank && !l.Bullet) is { Role: not LineRole.Blank, Text: var next } && (PageCues.IsBylineOrDate(next) || UnitCues.IsByline(next))
            && !PageCues.EndsBody(above)) return true;
        return IsSentence(above) && below is not null && IsSentence(below);
    }

    /// <summary>"2 bay leaves", "1/3 cup olive oil", "1.5 kg rice": an amount, then a word in lower case.</summary>
    [GeneratedRegex(@"^\d+(?:[/.,]\d+)?\s+\p{Ll}")]
    private static partial Regex Amount();

    private static bool IsSentence(string text) => SentenceEnd().IsMatch(text) && PageCues.Words(text) >= 6;

    /// <summary>The nearest content line's text from <paramref name="at"/> in direction <paramref name="step"/>, blank lines skipped.</summary>
    private static string? NeighbourText(List<PageLine> lines, int at, int step)
    {
        for (int i = at; i >= 0 && i < lines.Count; i += step)
        {
            if (lines[i].Role == LineRole.Blank) continue;
            return lines[i].Role == LineRole.Content && lines[i].Text.Length > 0 ? lines[i].Text : null;
        }
        return null;
    }

    /// <summary>
    /// A line cut short with "…" right above the line it begins ("They take them far away so the family…" over the whole
    /// comment): a Drupal comment's subject or a teaser, printed again in full below, so not a unit of its own.
    /// </summary>
    private static void DropPreviews(List<PageLine> lines)
    {
        for (int i = 0; i + 1 < lines.Count; i++)
        {
            string text = lines[i].Text;
            if (lines[i].Role != LineRole.Content || lines[i + 1].Role != LineRole.Content) continue;
            string cut = text.EndsWith('…') ? text[..^1] : text.EndsWith("...") ? text[..^3] : "";
            if (cut.Length >= 10 && lines[i + 1].Text.Length > cut.Length && lines[i + 1].Text.StartsWith(cut, StringComparison.Ordinal))
                lines[i] = lines[i] with { Role = LineRole.Boilerplate };
        }
    }

    /// <summary>The previous line with text (blank and boilerplate lines skipped).</summary>
    public static int? PreviousText(List<PageLine> lines, int from)
    {
        for (int i = from; i >= 0; i--) if (lines[i].HasText) return i;
        return null;
    }

    /// <summary>The next line with text (blank and boilerplate lines skipped).</summary>
    public static int? NextText(List<PageLine> lines, int from)
    {
        for (int i = from; i < lines.Count; i++) if (lines[i].HasText) return i;
        return null;
    }

    /// <summary>A bare bullet is content without text: it still starts a new comment.</summary>
    private static LineRole RoleOf(string text, bool bullet, IReadOnlyList<Regex> boilerplate)
    {
        if (text.Length == 0) return bullet ? LineRole.Content : LineRole.Blank;
        if (CommentHeader().IsMatch(text) || LeadsReplies(text) || text.Split(" / ") is [var first, var second] && CommentHeader().IsMatch(first) && CommentHeader().IsMatch(second))
            return LineRole.CommentHeader;
        return boilerplate.Any(p => p.IsMatch(text)) ? LineRole.Boilerplate : LineRole.Content;
    }

    /// <summary>
    /// Drops a content line that repeats the content line before it (blank and boilerplate lines between
    /// them do not count), as 002 prints its headline three times and 001 its captions twice; the kept
    /// line is marked <see cref="PageLine.Repeated"/>.
    /// </summary>
    public static List<PageLine> DropAdjacentRepeats(IEnumerable<PageLine> lines)
    {
        var kept = new List<PageLine>();
        int previous = -1;
        foreach (var line in lines)
        {
            if (line.HasText && previous >= 0 && kept[previous].Text == line.Text)
            {
                kept[previous] = kept[previous] with { Repeated = true };
                continue;
            }
            if (line.HasText) previous = kept.Count;
            kept.Add(line);
        }
        return kept;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>A text browser's link number glued to the link's text, "[7]Related stories" (a print page's "[1] https://…" keeps its space).</summary>
    [GeneratedRegex(@"^\[\d+\](?=\S)")]
    private static partial Regex LinkMarker();

    /// <summary>
    /// A browser's print header opens with the time the page was printed, "4/24/25, 10:14 AM  Headline | Site": without it
    /// the line is the page's title bar, which names the headline.
    /// </summary>
    [GeneratedRegex(@"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s+(?=\S)")]
    private static partial Regex PrintStamp();

    /// <summary>
    /// A wiki's section-edit link glued to its heading, "History[edit]": the heading alone is left, a crosshead. So is a Q&amp;A's
    /// link to the rest of its question, "… the most realistic way to do it? [more inside]".
    /// </summary>
    [GeneratedRegex(@"\s*\[(?:edit|edit source|editar|modifier|bearbeiten|more inside)\]$")]
    private static partial Regex EditLink();

    /// <summary>A gap between a row's items: spaces or tabs, the spaces perhaps saved as no-break spaces ("News&#160;&#160;&#160;Nation").</summary>
    [GeneratedRegex(@"(?:[ \u00A0]{2,}|\t+)")]
    private static partial Regex MenuGap();

    // Not UnitCues.EndsSentence: a menu item may end in "…" ("Search this topic…"), a sentence's end there.
    [GeneratedRegex(@"[.!?][”""’')\]]*$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[.!?;:,…][”""’')\]]*$")]
    private static partial Regex ClauseEnd();

    [GeneratedRegex(@"^\d{1,2}[.)] \S.{2,150}[^.!?;:,…]$")]
    private static partial Regex NumberedTitle();

    /// <summary>
    /// A thread's rail before every line of a nested reply, "│ @Mirta I hope …" (Coral and other threads draw it in box-drawing
    /// characters): the reply's indent, no part of its text.
    /// </summary>
    [GeneratedRegex(@"^(?:[│┃║╎┆]\s*)+")]
    private static partial Regex ThreadRail();

    /// <summary>A comment's action row printed on its last line: "… So sad. 4 △ ▽ • Reply • Share ›" (Disqus).</summary>
    [GeneratedRegex(@"(?:\s+\d+)?\s*△\s*▽(?:\s*•\s*(?:Reply|Share ›|Share|Flag))*\s*$")]
    private static partial Regex ActionTail();

    /// <summary>
    /// List and comment bullets: "  • You wrote, ..." in 001, a recipe card's check boxes "▢ 2 bay leaves", a summary's check marks "✓ No decree …" or "✔ Parque Vidal – …", a social post's pointers "👉 Payments are …"; plain text's and Markdown's "* item" and "- item"
    /// and "– item" (not a sign-off "- 30 -" or a slot "- Advertisement -", closed by a dash of their own).
    /// </summary>
    [GeneratedRegex(@"^(?:(?:[•●▪◦·▢☐□✓☑✔▸‣]|👉|✅|🔹)(?:\s+|$)|\*\s+(?=\S)|[-–]\s+(?=\S)(?!.*\s[-–—]$))")]
    private static partial Regex BulletMark();

    /// <summary>
    /// The header that opens a comment section: "11 thoughts on “Cuba Looks to Russia for Security",
    /// "12 Comments", "1,073 Comments", "1.2K comments", "COMMENTS", a video page's "Comments 2,481", "Reader comments (3)", "Top Comments", "Se han publicado 23 comentarios", Disqus's Italian "14 Commenti", a subscriber thread's "Reactions (7)" or "Contributions (5)", Viafoura's "Conversation 9", OpenWeb's "Conversation 31 Comments", "Traveller reviews (4)", a newsletter's "Discussion about this post", "Reader responses (6)" (a bare "Response" is a report's crosshead),
    /// "Replies to this review (5)", a social post's counts "57 comments • 21 reposts" (or "186 comments   94 shares"), a tabloid's "Share what you think", an obituary's "Guestbook (12)", a homework Q&amp;A's "Ver respuestas (6)" under its question, a petition's "Reasons for signing", a forum embed's "Discuss this story in the forums", X's "Relevant replies" under a thread, a row that sorts the replies
    /// ("Sort: Recommended"); a bilingual page prints two, "Comentarios / Comments (6)".
    /// </summary>
    [GeneratedRegex(@"(?i)^(?:(?:(?:se\s+han\s+publicado|hay|there\s+are)\s+)?\d{1,3}(?:[.,]\d{3})*(?:[.,]\d)?k?\s+(?:thoughts?|comments?|responses?|replies|comentarios?|commenti|commentaires?)(?:\s+(?:on|to|en|a)\s.*|\s+\|\s+(?:leave|post|add)\s+a\s+(?:comment|reply)|(?:(?:\s+[•·|])?\s+[\d.,]+k?\s+\p{L}+)+)?|(?:reader\s+|top\s+|latest\s+|newest\s+)?comments?(?:\s*\(\d+\)|\s+\d{1,3}(?:[.,]\d{3})*(?:[.,]\d)?k?)?:?|comentarios?(?:\s*\(\d+\))?:?|(?:reactions|contributions)\s*\(\d+\)|(?:reader\s+)?(?:responses(?:\s*\(\d+\))?|response\s*\(\d+\)):?|all\s+\d+\s+comments|conversation\s*\(?\d+\)?(?:\s+comments?)?|(?:\p{L}+\s+)?reviews\s*\(\d+\)|(?:replies|responses)\s+to\s+(?:this|the)\s+\p{L}+\s*\(\d+\)|guestbook(?:\s*\(\d+\))?|(?:ver|view|see)\s+(?:answers|respuestas)\s*\(\d+\)|(?:most\s+)?(?:relevant|top|latest|all)\s+replies|share\s+what\s+you\s+think|discussion\s+about\s+this\s+(?:post|article|story|episode)|have\s+your\s+say|join\s+the\s+debate|reasons\s+for\s+signing|discuss\s+(?:this|the)\s+(?:story|article|post|column|piece)\b.{0,60})$")]
    private static partial Regex CommentHeader();

    /// <summary>
    /// A header that sits right over the replies, never beside a byline as a comment count may: a row that orders them ("Sort: Recommended",
    /// "sorted by: Hot Top New", "Ordenar por: Más recientes", Facebook's drop-down "Most relevant ▾" / "Más relevantes ▾"), a Q&amp;A's bare "Respuestas", a news site's "Login to comment" over its readers' comments, or a Q&amp;A's
    /// question footer that counts its answers ("posted by x to Travel (8 answers total)", its favourites perhaps after it).
    /// </summary>
    public static bool LeadsReplies(string text) => SortRow().IsMatch(text) || LoginToComment().IsMatch(text) || CountsAnswers(text) || AnswersHead().IsMatch(text);

    /// <summary>A homework Q&amp;A's bare head over its answers, "Respuestas", "Answers": no article's crosshead is that word alone.</summary>
    [GeneratedRegex(@"(?i)^(?:answers|respuestas|risposte|réponses)$")]
    private static partial Regex AnswersHead();

    /// <summary>A Q&amp;A's question footer, "posted by x to Travel (8 answers total) 3 users marked this as a favorite": the question is above it.</summary>
    public static bool CountsAnswers(string text) => RepliesTotal().IsMatch(text);

    [GeneratedRegex(@"(?i)^.{0,120}\(\d{1,5}\s+(?:answers|comments|replies|responses)\s+total\)(?:\s+[^.!?]{1,60})?$")]
    private static partial Regex RepliesTotal();

    [GeneratedRegex(@"(?i)^(?:log\s?in|sign\s+in)\s+to\s+(?:comment|reply)$")]
    private static partial Regex LoginToComment();

    [GeneratedRegex(@"(?i)^(?:(?:sort(?:ed)?(?:\s+by)?|ordenar\s+por|ordenado\s+por):?\s+(?!by:?$)\S.{0,80}|(?:most\s+relevant|más\s+relevantes)(?:\s*[▾▼⌄])?|(?:newest|all\s+comments|más\s+recientes|todos\s+los\s+comentarios)\s*[▾▼⌄])$")]
    private static partial Regex SortRow();
}
