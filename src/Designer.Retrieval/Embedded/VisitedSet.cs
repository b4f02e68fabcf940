namespace Designer.Retrieval.Embedded;

/// <summary>
/// A per-thread "visited" marker array reset in O(1) by bumping a generation number, so a search allocates nothing
/// and never clears an array sized to the whole graph.
/// </summary>
internal sealed class VisitedSet
{
    [ThreadStatic]
    private static VisitedSet? _current;

    private int[] _marks = [];
    private int _generation;

    public static VisitedSet Rent(int capacity)
    {
        var set = _current ??= new VisitedSet();
        if (set._marks.Length < capacity)
        {
            set._marks = new int[Math.Max(capacity, set._marks.Length * 2)];
            set._generation = 0;
        }

        if (++set._generation == int.MaxValue)
        {
            Array.Clear(set._marks);
            set._generation = 1;
        }

        return set;
    }

    /// <summary>Marks the node; returns false when it was already marked in this generation.</summary>
    public bool Add(int node)
    {
        if (_marks[node] == _generation)
        {
            return false;
        }

        _marks[node] = _generation;
        return true;
    }
}
