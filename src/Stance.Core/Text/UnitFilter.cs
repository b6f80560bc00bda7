namespace Stance.Core.Text;

/// <summary>
/// A learned check on the segmenter's paragraphs and comments: logistic regression over <see cref="UnitFeatures"/>
/// says how likely a unit is text a reader wrote rather than page furniture (a menu, a promo, a link list, metadata);
/// a unit below the threshold is dropped. The weights are trained offline on the hand-marked fixture pages by
/// tests/Bench/TrainUnitFilter and embedded as Text/unit-filter.bin.
/// </summary>
public sealed class UnitFilter
{
    private const string Magic = "SUF1";

    private readonly float[] _weights;

    public UnitFilter(float[] weights, float threshold)
    {
        if (weights.Length != UnitFeatures.Count) throw new ArgumentException($"{weights.Length} weights for {UnitFeatures.Count} features", nameof(weights));
        _weights = weights;
        Threshold = threshold;
    }

    /// <summary>The probability of text below which a unit is dropped.</summary>
    public float Threshold { get; }

    public IReadOnlyList<float> Weights => _weights;

    private static readonly Lazy<UnitFilter> Embedded = new(() =>
    {
        using var stream = typeof(UnitFilter).Assembly.GetManifestResourceStream("Stance.Core.Text.unit-filter.bin")
            ?? throw new InvalidOperationException("unit-filter.bin is not embedded");
        return Read(stream);
    });

    /// <summary>The filter trained on all fixture sets.</summary>
    public static UnitFilter Default => Embedded.Value;

    /// <summary>The probability that a unit is text, not furniture.</summary>
    public double Probability(SavedPage page, UnitKind kind, string text, int line)
    {
        var (index, value) = UnitFeatures.Of(page, kind, text, line);
        double z = 0;
        for (int i = 0; i < index.Length; i++) z += _weights[index[i]] * (double)value[i];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>The units without the paragraphs and comments the filter takes for furniture; headlines, captions and bylines pass.</summary>
    public List<ArticleUnit> Apply(string page, IEnumerable<ArticleUnit> units)
    {
        var saved = new SavedPage(page);
        return [.. units.Where(u => u.Kind is not (UnitKind.Paragraph or UnitKind.Comment) || Probability(saved, u.Kind, u.Text, u.Line) >= Threshold)];
    }

    /// <summary>"SUF1", the weight count, the threshold, then the weights: little-endian 32-bit values.</summary>
    public void Write(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.ASCII, leaveOpen: true);
        writer.Write(Magic.ToCharArray());
        writer.Write(_weights.Length);
        writer.Write(Threshold);
        foreach (var w in _weights) writer.Write(w);
    }

    public static UnitFilter Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.ASCII, leaveOpen: true);
        if (new string(reader.ReadChars(Magic.Length)) != Magic) throw new InvalidDataException("not a unit filter");
        int count = reader.ReadInt32();
        float threshold = reader.ReadSingle();
        var weights = new float[count];
        for (int i = 0; i < count; i++) weights[i] = reader.ReadSingle();
        return new UnitFilter(weights, threshold);
    }
}
