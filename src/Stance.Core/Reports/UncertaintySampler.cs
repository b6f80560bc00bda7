using System.Globalization;
using CsvHelper;
using Stance.Core.Common;
using Stance.Core.Input;

namespace Stance.Core.Reports;

/// <summary>
/// Keeps, over a stream of scored units, the N with the smallest margin between the two most probable
/// classes of one head (ties: higher entropy first, then earlier in the input) — the units to label
/// next (margin sampling). Memory is a bounded heap of N units, whatever the length of the stream.
/// </summary>
public sealed class UncertaintySampler
{
    private readonly int _capacity;
    private readonly int _head;
    private readonly string? _label;
    // The top of the heap is the least uncertain unit kept, evicted when a more uncertain one arrives.
    private readonly PriorityQueue<UncertainUnit, UncertainUnit> _heap;
    private long _seen;

    /// <param name="label">The head's label column: units whose input already carries a label there are skipped.</param>
    public UncertaintySampler(int count, int head, string? label = null)
    {
        _label = label;
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "at least one unit");
        _capacity = count;
        _head = head;
        _heap = new PriorityQueue<UncertainUnit, UncertainUnit>(count + 1, Comparer<UncertainUnit>.Create((a, b) => Compare(b, a)));
    }

    /// <summary>Most uncertain first: smaller margin, then higher entropy, then earlier input.</summary>
    public static int Compare(UncertainUnit a, UncertainUnit b)
    {
        int c = a.Margin.CompareTo(b.Margin);
        if (c != 0) return c;
        c = b.Entropy.CompareTo(a.Entropy);
        return c != 0 ? c : a.Order.CompareTo(b.Order);
    }

    public static (double Margin, double Entropy) Measure(ReadOnlySpan<double> p)
    {
        double first = double.NegativeInfinity, second = double.NegativeInfinity, entropy = 0;
        foreach (double v in p)
        {
            if (v > first) { second = first; first = v; }
            else if (v > second) second = v;
            if (v > 0) entropy -= v * Math.Log(v);
        }
        return (p.Length < 2 ? 1 : first - second, entropy);
    }

    public void Add(ScoringUnit unit, double[][] probabilities)
    {
        if (_label is not null && unit.Columns.TryGetValue(_label, out var given) && given.Trim().Length > 0) { AlreadyLabeled++; return; }
        var (margin, entropy) = Measure(probabilities[_head]);
        var u = new UncertainUnit(unit, _seen++, margin, entropy);
        if (_heap.Count < _capacity) { _heap.Enqueue(u, u); return; }
        if (Compare(u, _heap.Peek()) < 0) _heap.DequeueEnqueue(u, u);
    }

    /// <summary>Units considered (not already labeled).</summary>
    public long Seen => _seen;
    public long AlreadyLabeled { get; private set; }

    /// <summary>The kept units, most uncertain first.</summary>
    public IReadOnlyList<UncertainUnit> Result() =>
        _heap.UnorderedItems.Select(i => i.Element).Order(Comparer<UncertainUnit>.Create(Compare)).ToList();

    /// <summary>
    /// Writes the kept units (atomically) as a CSV that Train reads once the labels are filled in:
    /// id, source (the CSV's source column, else the input file name), kind, text, then one empty
    /// column per label.
    /// </summary>
    public void Write(string path, IReadOnlyList<string> labelColumns)
    {
        var units = Result();
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true);
            using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
            foreach (var h in new[] { "id", "source", "kind", "text" }.Concat(labelColumns)) csv.WriteField(h);
            csv.NextRecord();
            foreach (var u in units)
            {
                csv.WriteField(u.Unit.Id);
                csv.WriteField(u.Unit.Columns.TryGetValue("source", out var s) && s.Trim().Length > 0 ? s : Path.GetFileName(u.Unit.Source));
                csv.WriteField(u.Unit.Kind);
                csv.WriteField(u.Unit.Text);
                foreach (var _ in labelColumns) csv.WriteField("");
                csv.NextRecord();
            }
        });
    }
}
