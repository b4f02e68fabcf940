namespace Designer.Retrieval.Embedded;

/// <summary>
/// A binary min-heap of (node, key) in two parallel arrays, reused across searches on a thread. It replaces
/// <see cref="PriorityQueue{TElement, TPriority}"/> on the hot path: no allocation per search and no comparer calls.
/// A max-heap is this heap with negated keys.
/// </summary>
internal sealed class NodeHeap
{
    private float[] _keys = new float[64];
    private int[] _nodes = new int[64];

    public int Count { get; private set; }

    public float TopKey => _keys[0];

    public int TopNode => _nodes[0];

    public void Clear() => Count = 0;

    public void Push(int node, float key)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, Count * 2);
            Array.Resize(ref _nodes, Count * 2);
        }

        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (_keys[parent] <= key)
            {
                break;
            }

            _keys[i] = _keys[parent];
            _nodes[i] = _nodes[parent];
            i = parent;
        }

        _keys[i] = key;
        _nodes[i] = node;
    }

    public int Pop(out float key)
    {
        var node = _nodes[0];
        key = _keys[0];
        var lastKey = _keys[--Count];
        var lastNode = _nodes[Count];
        var i = 0;
        while (true)
        {
            var child = (2 * i) + 1;
            if (child >= Count)
            {
                break;
            }

            if (child + 1 < Count && _keys[child + 1] < _keys[child])
            {
                child++;
            }

            if (_keys[child] >= lastKey)
            {
                break;
            }

            _keys[i] = _keys[child];
            _nodes[i] = _nodes[child];
            i = child;
        }

        _keys[i] = lastKey;
        _nodes[i] = lastNode;
        return node;
    }
}
