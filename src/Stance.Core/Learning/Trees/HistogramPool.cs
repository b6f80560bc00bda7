namespace Stance.Core.Learning.Trees;

/// <summary>
/// A fixed number of histogram buffers, allocated on first use and recycled across trees, so growing a
/// tree allocates nothing in steady state and memory stays bounded however many leaves are open.
/// </summary>
internal sealed class HistogramPool
{
    private readonly Histogram?[] _buffers;
    private readonly Stack<int> _free = new();
    private readonly BinLayout _layout;
    private int _created;

    public HistogramPool(int capacity, BinLayout layout)
    {
        _buffers = new Histogram[capacity];
        _layout = layout;
    }

    public Histogram this[int index] => _buffers[index]!;

    /// <summary>A free buffer's index, or −1 when all are in use.</summary>
    public int Acquire()
    {
        if (_free.Count > 0) return _free.Pop();
        if (_created == _buffers.Length) return -1;
        _buffers[_created] = new Histogram(_layout);
        return _created++;
    }

    public void Release(int index) => _free.Push(index);
}
