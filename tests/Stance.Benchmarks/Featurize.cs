using Stance.Core.Features;
/// <summary>Featurization of one document: n-gram counting, then TF-IDF weighting of the counts.</summary>
[MemoryDiagnoser]
public class Featurize
{
    private readonly FeaturizerOptions _options = new();
    private TermCounter _counter = null!;
    private TfidfWeighting _weighting = null!;
    private string[] _docs = [];
    private (int[] Columns, float[] Counts)[] _rows = [];
    private int[] _outColumns = new int[4096];
    private float[] _outValues = new float[4096];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _counter = new TermCounter(_options);
        _docs = Corpus.Texts.Take(2000).ToArray();
        _weighting = TfidfWeighting.Fit(_options, Featurizer.CountAll(_options, Corpus.Texts));
        _rows = _docs.Select(d =>
        {
            int n = _counter.CountDistinct(d);
            return (_counter.Ids.ToArray(), _counter.Counts.ToArray().Select(c => (float)c).ToArray());
        }).ToArray();
    }

    /// <summary>Counts the word 1–3-grams and char_wb 2–5-grams of one document (no allocation).</summary>
    [Benchmark]
    public int CountNgramsPerDoc() => _counter.CountDistinct(_docs[_next++ % _docs.Length]);

    /// <summary>TF-IDF (sublinear tf, idf, per-block L2) of one document's counts.</summary>
    [Benchmark]
    public int TfidfTransformPerDoc()
    {
        var (cols, counts) = _rows[_next++ % _rows.Length];
        return _weighting.WeighRow(cols, counts, _outColumns, _outValues);
    }
}
