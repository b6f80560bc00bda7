using System.Text.RegularExpressions;

namespace Stance.Core.Text;

/// <summary>
/// The shapes of text the segmenter decides by: where sentences end and start, and what headlines,
/// bylines, author bios and photo captions look like on the seed pages.
/// </summary>
internal static partial class UnitCues
{
    /// <summary>A line this long is longer than any usual hard-wrap width, so when it ends a sentence it ends its paragraph.</summary>
    public const int LongLine = 100;

    /// <summary>A headline is a short line: the seed headlines have 5 to 14 words.</summary>
    public const int HeadlineMaxWords = 25;

    /// <summary>A line the page repeats is a caption (a repeated caption or pull quote) when it is at most this long.</summary>
    public const int CaptionMaxChars = 200;

    private const int BylineMaxWords = 10;

    public static bool EndsSentence(string text) => SentenceEnd().IsMatch(text);

    /// <summary>Letters, and none in lower case: "HAVANA SHIPYARD REOPENS".</summary>
    public static bool AllCapitals(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    public static bool StartsSentence(string text) => SentenceStart().IsMatch(text);

    /// <summary>"Three Years After July 11 Protests, Hundreds Remain": most words capitalized, as headlines are and wrapped lines are not.</summary>
    public static bool TitleCase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsLetter(w[0])).ToList();
        return words.Count > 0 && words.Count(w => char.IsUpper(w[0])) * 2 > words.Count;
    }

    /// <summary>
    /// "Cuba Looks to Russia for Security": short, and no final period or mid-sentence punctuation; not a row of buttons led by
    /// an icon ("⬇ Jump to Recipe 🖨 Print Recipe").
    /// </summary>
    public static bool IsHeadline(string text) =>
        WordCount(text) <= HeadlineMaxWords && !NoHeadlineEnd().IsMatch(text) && !IsByline(text) && !char.IsSymbol(text, 0);

    /// <summary>"By Progreso Weekly": a short "By" line that is not a sentence.</summary>
    public static bool IsByline(string text) =>
        ByOpening().IsMatch(text) && WordCount(text) <= BylineMaxWords && !EndsSentence(text);

    /// <summary>
    /// "HAVANA, CUBA - APRIL 19: ... (Photo by Adalberto Roque-Pool/Getty Images)": a photo credit in
    /// brackets at the end (or square brackets, "… March 11, 2025. [Photo/OH]"), a "Photo:" opening, the agencies' "PLACE, COUNTRY - MONTH DAY:" opening,
    /// a broadcaster's "Image caption, …" or "Media caption, …", a tabloid's "(pictured)" in a line that ends no sentence, a social site's alt text after the caption ("… May be an image of …"),
    /// a view named with where it was seen from ("Morning mist over the valley, seen from the road to the coast."), a wire photo's bracketed credit
/// ("(Marcelo TRUJILLO / AGP)") or a numbered figure's label ("Figure 1: …").
    /// </summary>
    public static bool IsCaption(string text) =>
        BracketedCredit().IsMatch(text) || CreditOpening().IsMatch(text) || CapitalCredit().IsMatch(text) || CaptionDateline().IsMatch(text) || TrailingCredit().IsMatch(text)
        || SlideCaption().IsMatch(text) || SentenceThenCredit().IsMatch(text) || Pictured().IsMatch(text) && !EndsSentence(text) || AltTextTail().IsMatch(text)
        || SeenFrom().IsMatch(text) || AgencyCredit().IsMatch(text) || FigureLabel().IsMatch(text) || ArchivePhoto().IsMatch(text) && !EndsSentence(text);

    /// <summary>A wire photo's credit in brackets, the photographer's surname in capitals, then the agency: "… on September 3, 2027 (Marcelo TRUJILLO / AGP)".</summary>
    [GeneratedRegex(@"^.{10,300}\s\((?:\p{Lu}[\p{L}'’-]*\s+){0,3}\p{Lu}{2,}[\p{Lu}'’-]*\s*/\s*\p{Lu}{2,}\)$")]
    private static partial Regex AgencyCredit();

    /// <summary>A numbered figure's caption, "Figure 1: data used per rider per day …", "Fig. 3. …", "Gráfico 2: …".</summary>
    [GeneratedRegex(@"^(?:Figure|Fig\.|Chart|Graph|Figura|Gráfico)\s+\d{1,3}[.:]\s+\S")]
    private static partial Regex FigureLabel();

    /// <summary>
    /// A caption with no verb of its own: what the picture shows, a comma, and where it was seen or taken from ("Morning mist over the
    /// valley, seen from the road to the coast.", "The Capitolio, photographed from the Prado."). Prose seldom ends a sentence on such
    /// a clause with one comma-free phrase before it.
    /// </summary>
    [GeneratedRegex(@"^\p{Lu}[^,.!?;:]{3,80},\s+(?:seen|viewed|photographed|pictured|taken|shot)\s+(?:from|in|at|on|near|over|across|during)\s[^,.!?;:]{2,80}\.$")]
    private static partial Regex SeenFrom();

    /// <summary>
    /// An author bio: "Christian K. Caruzo is a Venezuelan writer ... You can follow him on Twitter here.", "X is The Ledger's Miami
    /// correspondent." (an outlet's "The" keeps its capital) or "• Jeffrey Scott Shapiro is the former director of ...". A name followed by "is a/an/the" alone
    /// could be a closing paragraph about a politician, so it also needs a bullet, dash or asterisk ("*Judith Van Kampen is …") before it or a
    /// profession word (or "a member of"); a "follow him on" line and a reporter's beat ("X covers Cuba for the Courier")
    /// are bios by themselves.
    /// </summary>
    public static bool IsAuthorBio(string text, bool bulleted) =>
        FollowOn().IsMatch(text) || NameCovers().IsMatch(text) || NameIs().Match(text) is { Success: true } m && (bulleted || m.Groups["dash"].Success || Profession().IsMatch(text));

    /// <summary>
    /// A publisher's disclaimer, hard-wrapped over several lines as the boilerplate patterns (one line each) cannot see it: "…
    /// all views, positions, and conclusions expressed in this publication should be understood to be solely those of the author(s)."
    /// </summary>
    public static bool IsDisclaimer(string text) => Disclaimer().IsMatch(text);

    [GeneratedRegex(@"(?i)\b(?:views|opinions|conclusions)\b.{0,80}\bexpressed\b.{0,80}\b(?:solely |entirely )?those of the authors?(?:\(s\))?\.?$")]
    private static partial Regex Disclaimer();

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// Sentence punctuation, closing quotes or brackets, citation marks ("… of 1991.[4]", "… explicit.”³"), then perhaps emoji
    /// ("Welcome home, grandma! 🇺🇸🇨🇺"), then perhaps a thread's counter ("… on both sides. 4/4": a post of a numbered thread).
    /// </summary>
    [GeneratedRegex(@"[.!?…][”""’'»)\]]*(?:\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰])*(?:\s*[\p{So}\p{Cs}\p{Sk}\uFE0F\u200D])*(?:\s+\d{1,2}/\d{1,2})?$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^[\p{Lu}\p{N}“""‘'«¿¡(\[–—-]")]
    private static partial Regex SentenceStart();

    /// <summary>A final period, or a comma, semicolon, colon or dash that says the line goes on.</summary>
    [GeneratedRegex(@"[.,;:–—-][”""’'»)\]]*$")]
    private static partial Regex NoHeadlineEnd();

    /// <summary>"By Name", "BY NAME", an Inquirer-style "By: Name - Reporter".</summary>
    [GeneratedRegex(@"^(?:By|BY):?\s+\p{Lu}")]
    private static partial Regex ByOpening();

    [GeneratedRegex(@"(?i)(?:\((?:[^()]*\W)?(?:photo|photograph|image|foto)s?\b[^()]*\)|\[(?:[^\[\]]*\W)?(?:photo|photograph|image|foto)s?\b[^\[\]]*\])$")]
    private static partial Regex BracketedCredit();

    /// <summary>
    /// "… at sunrise. Photo: Helen Márquez", "… © TikTok / @user", "… Photo © Site / B. Crowe", "… Picture: Ramiro Soto/AFP", "… / Credit: X/AFC", "… on Friday. Gulf Dispatch/File",
    /// a photographer and outlet or agency and photographer after the sentence ("… on Tuesday. Rafael Quiñones-Bell / Biscayne Sentinel", "… in 2025. INA/Raúl Sardiñas"),
    /// an agency and its photographer with spaced slash ("… por capital español. ARCOS / Ernesto Boza"), a "Credit..." line's credit ("… in Havana. Credit... Name for The Outlet"),
    /// a name after "file photo." ("… in a 2024 file photo. Emilio Ortega Brand"), a credit after a slash ("… 400 people a day. / LVT") or an
    /// outlet's "photo" ("… on Wednesday morning. Cayman Current photo"), an agency's one-word credit ("… in Havana. Stringer/Reuters"), a photographer's name glued to the outlet ("… a month before his arrest. Carlos
    /// Arévalo/South Florida Beacon", the sentence's end glued on too: "… in 2024.Lisandro Pupo/The Dominion Courier"), a bare "Courtesy of X" ("… in Havana, March 13. Courtesy of the
    /// Embassy"), an institution that lent the picture ("… in February. Marine Science Institute") or a Spanish daily's "Autor:" ("… de madera. Autor: Name"): a credit closing a short line.
    /// </summary>
    [GeneratedRegex(@"(?i)(?:\b(?:photos?|photographs?|fotos?|images?|pictures?|credit)\s*(?::|by|courtesy\s+of)\s*[^.!?]{1,60}\.?|©\s*(?:[^.!?]|(?<=\s\p{Lu})\.){1,60}|\b(?:file|archive|stock)\s+(?:photo|image)\.?|\b(?:EFE|REUTERS|Reuters|AFP|AP|Getty Images|dpa|ANSA|Xinhua)/\p{Lu}[\p{L}.'’ -]{2,40}|[.!?]\s+\p{Lu}[\p{L}.'’ -]{1,40}/(?:file|archive|handout)\.?|[.!?]\s+\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){1,3}\s/\s\p{Lu}[\p{L}.'’ -]{1,40}|[.!?]\s*(?-i:\p{Lu}\p{Ll}[\p{L}.'’-]*(?:\s\p{Lu}\p{Ll}[\p{L}.'’-]*){1,3}/\p{Lu}[\p{L}.'’ -]{1,40})|[.!?]\s+\p{Lu}{2,6}/\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){1,3}|[.!?]\s+(?-i:\p{Lu}{2,6}\s/\s\p{Lu}\p{Ll}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){1,3})|\bcredit(?:\.{3}|…)\s*[^.!?]{1,80}|\b(?:file|archive|stock)\s+(?:photo|image)\.\s+\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){1,3}|[.!?]\s+/\s+\p{Lu}[\p{L}.'’ -]{1,40}|[.!?]\s+(?-i:\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,3}\s(?:photo|picture|image))s?|[.!?]\s+courtesy\s+of\s+[^.!?]{1,60}|[.!?]\s+(?:autora?|author)\s*:\s*(?-i:\p{Lu}[\p{L}.'’ -]{1,40})|[.!?]\s+(?-i:\p{Lu}\p{Ll}+)/(?:EFE|REUTERS|Reuters|AFP|AP|Getty\sImages|dpa|ANSA|Xinhua)|[.!?]\s+(?-i:\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,4}\s(?:Institute|University|Museum|Foundation|Archives?|Library|Agency|Centre|Center|Laboratory|Observatory)))$")]
    private static partial Regex TrailingCredit();

    /// <summary>
    /// "The line in front of the state bakery. (14ymedio)": a sentence, then a short credit in brackets (not a domain tag: "(self.cuba)"),
    /// or a photographer and outlet with a slash between them, however long ("… market. (Carla Ibargüengoitia Stroud/Mexico Courier Daily)").
    /// </summary>
    [GeneratedRegex(@"^.{10,300}[.!?]\s*\((?![^()]*\w\.\w)(?:[^()]{2,40}|[^()/]{2,50}/[^()/]{2,50})\)$")]
    private static partial Regex SentenceThenCredit();

    /// <summary>
    /// A tabloid's caption, "Players celebrate at the ground last month (pictured) - the club will fly …": "(pictured)" and no sentence
    /// end. A body sentence may say "(pictured)" too, but it ends with its period.
    /// </summary>
    [GeneratedRegex(@"(?i)\(pictured(?:\s[^()]{1,30})?\)")]
    private static partial Regex Pictured();

    /// <summary>A wire's caption naming its picture, "Archive photo of Plaza Mayor in Trinidad", "File image of …": no sentence end.</summary>
    [GeneratedRegex(@"(?i)^(?:archive|file|stock|handout)\s+(?:photo|photograph|picture|image)\s+(?:of|shows?|showing)\s")]
    private static partial Regex ArchivePhoto();

    /// <summary>
    /// A social site's description of a picture after its caption, "… photographed on February 5. May be an image of outdoors and
    /// grass.": the text under an image, not the post's.
    /// </summary>
    [GeneratedRegex(@"(?i)^.{10,300}[.!?]\s+(?:may be an? (?:image|photo|graphic|illustration) of\b|no photo description available)[^.!?]{0,200}\.?$")]
    private static partial Regex AltTextTail();

    /// <summary>Slide-show captions: "Item 1 of 3 People gather …", "[1/3]People gather …".</summary>
    [GeneratedRegex(@"^(?:Item \d+ of \d+\b|\[\d+/\d+\])")]
    private static partial Regex SlideCaption();

    /// <summary>
    /// "… shared by his family. FACEBOOK", "… on March 11, 2025. CARLOS RIVERO crivero@herald.com", "… in September.YAMIL LAGE (GETTY)", "… St James. - CONTRIBUTED":
    /// a credit in capitals after a short caption, its agency perhaps in brackets, the space before it perhaps lost in saving.
    /// </summary>
    [GeneratedRegex(@"^.{10,250}(?:[.!?]\s+(?:[-–—]\s+)?|(?<=\p{Ll})[.!?])\p{Lu}{2,}(?:\s+\p{Lu}{2,}){0,3}(?:\s+\(\p{Lu}{2,}[^()]{0,30}\))?(?:\s+\S+@\S+)?$")]
    private static partial Regex CapitalCredit();

    /// <summary>"Photo: …", "Image by …", and a broadcaster's labels for screen readers, "Image caption, Drivers wait …", "Media caption, …".</summary>
    [GeneratedRegex(@"(?i)^(?:(?:photo|image|foto)(?:\s+by\s|\s*:\s)|(?:image|media|video)\s+caption,\s)")]
    private static partial Regex CreditOpening();

    [GeneratedRegex(@"^\p{Lu}[\p{Lu} .'’-]*, \p{Lu}[\p{Lu} .'’-]* [-–—] \p{Lu}+ \d{1,2}:")]
    private static partial Regex CaptionDateline();

    [GeneratedRegex(@"(?i)\bfollow (?:him|her|them) on\b")]
    private static partial Regex FollowOn();

    [GeneratedRegex(@"^(?<dash>[–—*-]\s*)?\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,4}\s+(?:is|was)\s+(?:a|an|the|The)\s")]
    private static partial Regex NameIs();

    /// <summary>
    /// A reporter's beat, "Adriana Cuesta covers Cuba and the Cuban American community for the Miami Courier.", with the outlet, a
    /// columnist's day ("X writes about Atlantic Canada's history on Sundays.") or a way to reach them ("X covers city government.
    /// Reach him at …") or a post they held ("X writes about Latin America and was the Chronicle's Caribbean correspondent …"). Without one of those ("X covers Latin America from Mexico City. She has reported from …") it may be the article's.
    /// </summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){1,4}\s+(?:covers|writes\s+about|reports\s+on)\s.{3,150}?(?:\sfor\s+(?:the\s+)?\p{Lu}|\s(?:on|every|each)\s+(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekdays|weekends?|week|month|other\s+week)\b|[.!?]\s+(?i:reach|contact|e-?mail|write\s+to)\s+(?:him|her|them)\b|\s+and\s+(?:is|was)\s.{0,60}?\b(?:correspondent|editor|columnist|reporter|bureau\s+chief)\b)")]
    private static partial Regex NameCovers();

    [GeneratedRegex(@"(?i)\b(?:member|writer|author|editor|journalist|columnist|correspondent|diplomat|ambassador|lawyer|activist|reporter|contributor|director|analyst|fellow|professor|economist|critic|photographer|novelist|poet|historian|researcher|scholar|lecturer|consultant|blogger|filmmaker|organi[sz]ation|nonprofit|non-profit|charity|retired|librarian|teacher|diarist)\b")]
    private static partial Regex Profession();
}
