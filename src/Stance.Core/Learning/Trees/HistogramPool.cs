namespace Stance.Core.Learning.Trees;

/// <summary>
/// A fixed number of histogram buffers, allocated on first use and recycled across trees, so growing a
/// tree allocates nothing in steady state and memory stays bounded however many leaves are open.
/// </summary>
internal sealed class HistogramPool
{
    private readonly double[]?[] _buffers;
    private readonly Stack<int> _free = new();
    private readonly int _length;
    private int _created;

    public HistogramPool(int capacity, int slots)
    {
        _buffers = new double[capacity][];
        _length = Histogram.Stride * slots;
    }

    public double[] this[int index] => _buffers[index]!;

    /// <summary>A free buffer's index, or −1 when all are in use.</summary>
    public int Acquire()
    {
        if (_free.Count > 0) return _free.Pop();
        if (_created == _buffers.Length) return -1;
        _buffers[_created] = new double[_length];
        return _created++;
    }

    public void Release(int index) => _free.Push(index);
}
