using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text;
using Stance.Core.Text;

namespace Stance.Core.Features;

/// <summary>
/// Turns one text into hashed n-gram counts: word 1..WordNgramMax-grams over all tokens and character
/// CharNgramMin..CharNgramMax-grams inside each word padded with one space on each side (scikit-learn's
/// "char_wb"). One instance per thread: it reuses its buffers, so counting allocates nothing but the
/// result arrays of <see cref="Count"/> (and nothing at all through <see cref="CountDistinct"/>).
/// Normalization, tokens and n-grams work on spans of one pooled buffer (no string per token); repeats
/// are merged in a small open-addressing table instead of sorting every n-gram.
/// </summary>
public sealed class TermCounter
{
    private const uint WordSeed = 0x5374616e;   // "Stan"
    private const uint CharSeed = 0x63655f63;   // "ce_c"
    private readonly FeaturizerOptions _options;
    private readonly List<Token> _tokens = new();
    private uint[] _tokenHashes = new uint[64];
    private char[] _text = new char[256];
    private char[] _padded = new char[64];

    // Distinct ids of the current text in order of first appearance (word block first), with counts.
    private int[] _ids = new int[512];
    private int[] _counts = new int[512];
    private int _distinct, _wordDistinct;

    // Open addressing over ids: a slot is live when its stamp equals _stamp, so clearing is one increment.
    private Slot[] _slots = new Slot[2048];
    private int _slotShift = 32 - 11;
    private int _stamp;

    private struct Slot { public int Stamp, Key, Index; }

    public TermCounter(FeaturizerOptions options) { _options = options; }

    /// <summary>Distinct feature ids of the last <see cref="CountDistinct"/>, word block first, else in order of first appearance.</summary>
    public ReadOnlySpan<int> Ids => _ids.AsSpan(0, _distinct);
    /// <summary>How often each of <see cref="Ids"/> occurs.</summary>
    public ReadOnlySpan<int> Counts => _counts.AsSpan(0, _distinct);
    /// <summary>How many of <see cref="Ids"/> (a prefix) belong to the word block.</summary>
    public int WordFeatures => _wordDistinct;

    private float[] _scratch = new float[512];

    /// <summary>A reusable buffer of at least n floats for the caller's per-feature values.</summary>
    public float[] Scratch(int n)
    {
        if (_scratch.Length < n) _scratch = new float[Math.Max(n, _scratch.Length * 2)];
        return _scratch;
    }

    /// <summary>Counts the n-grams of a text, sorted by feature id with repeats merged.</summary>
    public (int[] Columns, float[] Counts) Count(string text)
    {
        int n = CountDistinct(text);
        var cols = _ids.AsSpan(0, n).ToArray();
        var counts = new float[n];
        for (int i = 0; i < n; i++) counts[i] = _counts[i];
        Array.Sort(cols, counts);
        return (cols, counts);
    }

    /// <summary>
    /// Counts the n-grams of a text into <see cref="Ids"/> / <see cref="Counts"/> (valid until the next
    /// call) and returns how many distinct features it has. Allocates nothing once the buffers fit.
    /// </summary>
    public int CountDistinct(string text)
    {
        var normalized = Normalize(text);
        Tokenizer.Tokenize(normalized, _tokens);
        NewText();
        AddWordNgrams(normalized);
        _wordDistinct = _distinct;
        if (_options.CharNgramMax > 0) AddCharNgrams(normalized);
        return _distinct;
    }

    /// <summary>
    /// The text as <see cref="TextNormalizer.Normalize"/> gives it, in the reused buffer. NFKC changes no
    /// text made only of characters below U+0250 outside <see cref="IsNfkcStable"/>'s short list (no
    /// combining marks can follow to compose with), so such text — nearly all of it — skips the ICU pass.
    /// </summary>
    private ReadOnlySpan<char> Normalize(string text)
    {
        if (_text.Length < text.Length) _text = new char[Math.Max(text.Length, _text.Length * 2)];
        if (Ascii.IsValid(text))
        {
            var span = _text.AsSpan(0, text.Length);
            Ascii.ToLower(text, span, out _);
            span.Replace('`', '\'');   // the only ASCII character TextNormalizer.Fold maps to another
            return span;
        }
        bool stable = true;
        foreach (char c in text)
            if (!IsNfkcStable(c)) { stable = false; break; }
        string nfkc = stable || text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        if (_text.Length < nfkc.Length) _text = new char[nfkc.Length * 2];
        for (int i = 0; i < nfkc.Length; i++) _text[i] = TextNormalizer.Fold(nfkc[i]);
        return _text.AsSpan(0, nfkc.Length);
    }

    /// <summary>
    /// True for a character below U+0250 that NFKC leaves alone on its own: every one but the compatibility
    /// characters of Latin-1 and Latin Extended-A/B (no-break space, ª º ¹ ² ³ µ ¼ ½ ¾, the spacing
    /// diacritics ¨ ¯ ´ ¸, Ĳ ĳ Ŀ ŀ ŉ ſ and the DŽ/LJ/NJ/DZ digraphs). A test checks it against ICU.
    /// </summary>
    public static bool IsNfkcStable(char c) => c < 0x250 && c switch
    {
        '\u00A0' or '\u00A8' or '\u00AA' or '\u00AF' or '\u00B2' or '\u00B3' or '\u00B4' or '\u00B5' or '\u00B8' or '\u00B9' or '\u00BA'
            or '\u00BC' or '\u00BD' or '\u00BE' or '\u0132' or '\u0133' or '\u013F' or '\u0140' or '\u0149' or '\u017F' => false,
        >= '\u01C4' and <= '\u01CC' => false,
        >= '\u01F1' and <= '\u01F3' => false,
        _ => true,
    };

    private void NewText()
    {
        _distinct = 0;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_slots);
            _stamp = 1;
        }
    }

    private void AddWordNgrams(ReadOnlySpan<char> text)
    {
        uint mask = (uint)_options.BlockSize - 1;
        int count = _tokens.Count, max = _options.WordNgramMax;
        if (_tokenHashes.Length < count) _tokenHashes = new uint[count * 2];
        var hashes = _tokenHashes.AsSpan(0, count);
        var tokens = CollectionsMarshal.AsSpan(_tokens);
        for (int i = 0; i < count; i++) hashes[i] = HashChars(tokens[i].Of(text), WordSeed);
        for (int i = 0; i < count; i++)
        {
            Add((int)(hashes[i] & mask));
            if (_visit != null) { string token = tokens[i].Of(text).ToString(); _visit((int)(hashes[i] & mask), token, token); }
            // n-gram hash = MurmurHash3 over the n token hashes with seed WordSeed + n.
            for (int n = 2; n <= max && i + n <= count; n++)
            {
                uint g = WordSeed + (uint)n;
                for (int j = 0; j < n; j++) g = MixBlock(g, hashes[i + j]);
                Add((int)(Finish(g, (uint)n * 4) & mask));
                if (_visit != null) { string joined = Join(text, i, n); _visit((int)(Finish(g, (uint)n * 4) & mask), joined, joined); }
            }
        }
    }

    /// <summary>
    /// Every feature id of the text with the n-gram that produced it (the first one, on a hash
    /// collision) — what explanations print. Character n-grams show their padding spaces as "_".
    /// </summary>
    public Dictionary<int, string> Describe(string text)
    {
        var names = new Dictionary<int, string>();
        Enumerate(text, (id, gram, _) => names.TryAdd(id, gram.Replace(' ', '_')));
        return names;
    }

    /// <summary>
    /// Calls <paramref name="visit"/>(feature id, n-gram, word) for every n-gram occurrence of the text,
    /// in the order counting meets them: word n-grams as their tokens joined by spaces (the "word" is the
    /// n-gram itself), character n-grams with their padding spaces and the word they lie in. Slow (a
    /// string per n-gram): for explanations and reports, not for scoring.
    /// </summary>
    public void Enumerate(string text, Action<int, string, string> visit)
    {
        _visit = visit;
        try { CountDistinct(text); }
        finally { _visit = null; }
    }

    private Action<int, string, string>? _visit;

    private string Join(ReadOnlySpan<char> text, int first, int n)
    {
        var sb = new System.Text.StringBuilder();
        for (int j = first; j < first + n; j++) sb.Append(j > first ? " " : "").Append(_tokens[j].Of(text));
        return sb.ToString();
    }

    /// <summary>Names a word's character n-gram ids, which <see cref="ComputeWordGrams"/> lays out by n, then by start.</summary>
    private void VisitWordGrams(string word, ReadOnlySpan<int> grams)
    {
        string padded = " " + word + " ";
        int k = 0;
        for (int n = _options.CharNgramMin; n <= _options.CharNgramMax && n <= padded.Length; n++)
            for (int s = 0; s + n <= padded.Length; s++)
                _visit!(grams[k++], padded.Substring(s, n), word);
    }

    private void AddCharNgrams(ReadOnlySpan<char> text)
    {
        var tokens = CollectionsMarshal.AsSpan(_tokens);
        for (int i = 0; i < tokens.Length; i++)
        {
            if (!tokens[i].IsWordLike) continue;
            var grams = WordGrams(tokens[i].Of(text), _tokenHashes[i]);
            foreach (int id in grams) Add(id);
            if (_visit != null) VisitWordGrams(tokens[i].Of(text).ToString(), grams);
        }
    }

    // Character n-grams of a word depend on the word alone, and words repeat (within a text and across
    // texts), so each word's n-gram ids are computed once and kept: a table keyed by the word's hash (the
    // word unigram's, already computed) and checked against the word's characters. Bounded: when it
    // holds MaxCachedWords words it starts over, so memory stays flat however much text goes through.
    private const int MaxCachedWords = 1 << 15;
    private WordEntry[] _words = new WordEntry[1024];
    private int _cachedWords;
    private char[] _wordChars = new char[4096];
    private int _wordCharsUsed;
    private int[] _gramPool = new int[16384];
    private int _gramsUsed;

    private struct WordEntry { public uint Hash; public int CharStart, CharLength, GramStart, GramCount; }

    /// <summary>The character n-gram ids of one word token (in order, repeats kept), from the cache or computed into it.</summary>
    private ReadOnlySpan<int> WordGrams(ReadOnlySpan<char> word, uint hash)
    {
        int mask = _words.Length - 1;
        int at = (int)(hash & (uint)mask);
        while (_words[at].CharLength != 0)
        {
            ref var e = ref _words[at];
            if (e.Hash == hash && word.SequenceEqual(_wordChars.AsSpan(e.CharStart, e.CharLength)))
                return _gramPool.AsSpan(e.GramStart, e.GramCount);
            at = (at + 1) & mask;
        }
        if (word.Length > 64) return ComputeWordGrams(word, _gramsUsed);   // rare long tokens: computed past the kept ones, not kept
        if (_cachedWords >= MaxCachedWords)
        {
            ClearWordCache();
            return WordGrams(word, hash);
        }
        if ((_cachedWords + 1) * 2 > _words.Length) { GrowWordCache(); return WordGrams(word, hash); }
        if (_wordCharsUsed + word.Length > _wordChars.Length) Array.Resize(ref _wordChars, Math.Max(_wordChars.Length * 2, _wordCharsUsed + word.Length));
        word.CopyTo(_wordChars.AsSpan(_wordCharsUsed));
        int start = _gramsUsed;
        var grams = ComputeWordGrams(word, start);
        _words[at] = new WordEntry { Hash = hash, CharStart = _wordCharsUsed, CharLength = word.Length, GramStart = start, GramCount = grams.Length };
        _wordCharsUsed += word.Length;
        _gramsUsed += grams.Length;
        _cachedWords++;
        return grams;
    }

    /// <summary>Computes a word's character n-gram ids into the pool at <paramref name="start"/>.</summary>
    private ReadOnlySpan<int> ComputeWordGrams(ReadOnlySpan<char> word, int start)
    {
        int block = _options.BlockSize;
        uint mask = (uint)block - 1;
        int min = _options.CharNgramMin, max = _options.CharNgramMax;
        int len = word.Length + 2;
        if (_padded.Length < len) _padded = new char[len * 2];
        Span<char> padded = _padded.AsSpan(0, len);
        padded[0] = ' ';
        word.CopyTo(padded[1..]);
        padded[len - 1] = ' ';
        int total = 0;
        for (int n = min; n <= max && n <= len; n++) total += len - n + 1;
        if (_gramPool.Length < start + total) Array.Resize(ref _gramPool, Math.Max(_gramPool.Length * 2, start + total));
        var pool = _gramPool.AsSpan(start, total);
        int k = 0;
        for (int n = min; n <= max && n <= len; n++)
        {
            uint seed = CharSeed + (uint)n;
            for (int s = 0; s + n <= len; s++)
                pool[k++] = block + (int)(HashChars(padded.Slice(s, n), seed) & mask);
        }
        return pool;
    }

    private void GrowWordCache()
    {
        var old = _words;
        _words = new WordEntry[old.Length * 2];
        int mask = _words.Length - 1;
        foreach (var e in old)
        {
            if (e.CharLength == 0) continue;
            int at = (int)(e.Hash & (uint)mask);
            while (_words[at].CharLength != 0) at = (at + 1) & mask;
            _words[at] = e;
        }
    }

    private void ClearWordCache()
    {
        Array.Clear(_words);
        _cachedWords = _wordCharsUsed = _gramsUsed = 0;
    }

    private static uint HashChars(ReadOnlySpan<char> s, uint seed) => MurmurHash3.Hash(s, seed);

    private static uint MixBlock(uint h, uint k) => MurmurHash3.MixBlock(h, k);

    private static uint Finish(uint h, uint lengthInBytes) => MurmurHash3.Finish(h, lengthInBytes);

    // Scoring reads one record per distinct id from a large table; asking for each record as soon as its
    // id first appears lets those memory reads overlap with the rest of the counting.
    private unsafe float* _prefetchBase;
    private int _prefetchStride;

    /// <summary>
    /// Has counting prefetch, for each new distinct id, the record at base + id·stride (floats) of a pinned
    /// table the caller reads next; null turns it off. Only a hint to the cache: results never change.
    /// </summary>
    public unsafe void PrefetchRecords(float* tableBase, int stride)
    {
        _prefetchBase = tableBase;
        _prefetchStride = stride;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe void Add(int id)
    {
        var slots = _slots;
        int mask = slots.Length - 1;
        int at = (int)(((uint)id * 0x9E3779B1u) >> _slotShift);
        while (true)
        {
            ref Slot slot = ref slots[at];
            if (slot.Stamp != _stamp)
            {
                if (_distinct == _ids.Length) { Array.Resize(ref _ids, _distinct * 2); Array.Resize(ref _counts, _distinct * 2); }
                slot.Stamp = _stamp; slot.Key = id; slot.Index = _distinct;
                if (_prefetchBase != null && Sse.IsSupported) Sse.Prefetch0(_prefetchBase + (long)id * _prefetchStride);
                _ids[_distinct] = id;
                _counts[_distinct++] = 1;
                if (_distinct * 2 > slots.Length) Grow();
                return;
            }
            if (slot.Key == id) { _counts[slot.Index]++; return; }
            at = (at + 1) & mask;
        }
    }

    /// <summary>Doubles the table and re-inserts the distinct ids seen so far.</summary>
    private void Grow()
    {
        _slots = new Slot[_slots.Length * 2];
        _slotShift--;
        _stamp = 1;
        int mask = _slots.Length - 1;
        for (int i = 0; i < _distinct; i++)
        {
            int at = (int)(((uint)_ids[i] * 0x9E3779B1u) >> _slotShift);
            while (_slots[at].Stamp == _stamp) at = (at + 1) & mask;
            _slots[at] = new Slot { Stamp = _stamp, Key = _ids[i], Index = i };
        }
    }
}
