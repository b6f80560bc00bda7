using Stance.Core.Text;

namespace Stance.Core.Features;

/// <summary>
/// Turns one text into hashed n-gram counts: word 1..WordNgramMax-grams over all tokens and character
/// CharNgramMin..CharNgramMax-grams inside each word padded with one space on each side (scikit-learn's
/// "char_wb"). Output is sorted by feature id with repeats merged. One instance per thread: it reuses
/// its buffers, so counting allocates only the result arrays.
/// </summary>
public sealed class TermCounter
{
    private const uint WordSeed = 0x5374616e;   // "Stan"
    private const uint CharSeed = 0x63655f63;   // "ce_c"
    private readonly FeaturizerOptions _options;
    private readonly List<Token> _tokens = new();
    private readonly List<uint> _tokenHashes = new();
    private int[] _ids = new int[256];
    private char[] _padded = new char[64];
    private int _count;
    private Action<int, string, string>? _visit;

    public TermCounter(FeaturizerOptions options) { _options = options; }

    public (int[] Columns, float[] Counts) Count(string text)
    {
        string normalized = TextNormalizer.Normalize(text);
        Tokenizer.Tokenize(normalized, _tokens);
        _count = 0;
        AddWordNgrams(normalized);
        AddCharNgrams(normalized);
        return SortAndMerge();
    }

    /// <summary>
    /// Every feature id of the text with the n-gram that produced it (the first one, on a hash
    /// collision) — what explanations print. Word n-grams are their tokens joined by spaces; character
    /// n-grams keep their padding spaces, shown as "_".
    /// </summary>
    public Dictionary<int, string> Describe(string text)
    {
        var names = new Dictionary<int, string>();
        Enumerate(text, (id, gram, _) => names.TryAdd(id, gram.Replace(' ', '_')));
        return names;
    }

    /// <summary>
    /// Calls <paramref name="visit"/>(feature id, n-gram, word) for every n-gram occurrence of the text,
    /// in the order <see cref="Count"/> meets them: word n-grams as their tokens joined by spaces (the
    /// "word" is the n-gram itself), character n-grams with their padding spaces and the word they lie in.
    /// </summary>
    public void Enumerate(string text, Action<int, string, string> visit)
    {
        _visit = visit;
        try { Count(text); }
        finally { _visit = null; }
    }

    private void AddWordNgrams(ReadOnlySpan<char> text)
    {
        int mask = _options.BlockSize - 1;
        _tokenHashes.Clear();
        foreach (var t in _tokens) _tokenHashes.Add(MurmurHash3.Hash(t.Of(text), WordSeed));
        Span<uint> gram = stackalloc uint[_options.WordNgramMax];
        for (int i = 0; i < _tokenHashes.Count; i++)
        {
            Add((int)(_tokenHashes[i] & (uint)mask));
            if (_visit != null) { string token = _tokens[i].Of(text).ToString(); _visit((int)(_tokenHashes[i] & (uint)mask), token, token); }
            for (int n = 2; n <= _options.WordNgramMax && i + n <= _tokenHashes.Count; n++)
            {
                for (int j = 0; j < n; j++) gram[j] = _tokenHashes[i + j];
                int id = (int)(MurmurHash3.Hash(gram[..n], WordSeed + (uint)n) & (uint)mask);
                Add(id);
                if (_visit != null) { string joined = Join(text, i, n); _visit(id, joined, joined); }
            }
        }
    }

    private string Join(ReadOnlySpan<char> text, int first, int n)
    {
        var sb = new System.Text.StringBuilder();
        for (int j = first; j < first + n; j++) sb.Append(j > first ? " " : "").Append(_tokens[j].Of(text));
        return sb.ToString();
    }

    private void AddCharNgrams(ReadOnlySpan<char> text)
    {
        int block = _options.BlockSize, mask = block - 1;
        foreach (var t in _tokens)
        {
            if (!t.IsWordLike) continue;
            int len = t.Length + 2;
            if (_padded.Length < len) _padded = new char[len * 2];
            Span<char> padded = _padded.AsSpan(0, len);
            padded[0] = ' ';
            t.Of(text).CopyTo(padded[1..]);
            padded[len - 1] = ' ';
            for (int n = _options.CharNgramMin; n <= _options.CharNgramMax && n <= len; n++)
                for (int s = 0; s + n <= len; s++)
                {
                    int id = block + (int)(MurmurHash3.Hash(padded.Slice(s, n), CharSeed + (uint)n) & (uint)mask);
                    Add(id);
                    _visit?.Invoke(id, padded.Slice(s, n).ToString(), t.Of(text).ToString());
                }
        }
    }

    private void Add(int id)
    {
        if (_count == _ids.Length) Array.Resize(ref _ids, _ids.Length * 2);
        _ids[_count++] = id;
    }

    private (int[], float[]) SortAndMerge()
    {
        var span = _ids.AsSpan(0, _count);
        span.Sort();
        int unique = 0;
        for (int i = 0; i < span.Length; i++) if (i == 0 || span[i] != span[i - 1]) unique++;
        var cols = new int[unique];
        var counts = new float[unique];
        int k = -1;
        for (int i = 0; i < span.Length; i++)
        {
            if (i == 0 || span[i] != span[i - 1]) cols[++k] = span[i];
            counts[k]++;
        }
        return (cols, counts);
    }
}
