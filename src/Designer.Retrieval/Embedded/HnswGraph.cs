using System.Numerics.Tensors;

namespace Designer.Retrieval.Embedded;

/// <summary>
/// A hierarchical navigable small-world graph over normalised float32 vectors, ranked by cosine distance (1 − dot).
/// Nodes are dense slots 0..Count−1; deletion is a tombstone the owner compacts away by rebuilding. Not thread-safe
/// for writes: the owning index serialises writers and lets searches run concurrently between writes.
/// </summary>
internal sealed partial class HnswGraph
{
    private readonly int _dimension;
    private readonly int _m;
    private readonly int _m0;
    private readonly int _efConstruction;
    private readonly double _levelMultiplier;
    private readonly Random _random;

    private float[] _vectors;
    private int[] _levels;
    private bool[] _deleted;

    // During a parallel batch, nodes whose linking has not finished: reachable from an upper layer before their lower
    // layers are linked, so a search must not descend through them (it would see an empty list and stop there).
    private bool[] _pending;

    // Layer 0 links live in one flat array, (1 + m0) ints per node: count, then neighbours — cache-friendly for the
    // layer every search spends most of its time in. Upper layers are rare (1/M of nodes) and kept per node.
    private int[] _links0;
    private int[]?[][] _upperLinks;

    // Parallel batch insertion (hnswlib's scheme): a striped lock guards each node's link lists while they are read
    // or rewritten, and the entry point is guarded by its own lock. Outside a batch, writers are already serialised
    // by the owning index, so link lists are read without locking.
    private readonly Lock[] _stripes = [.. Enumerable.Range(0, 1024).Select(_ => new Lock())];
    private readonly Lock _entryLock = new();
    private volatile bool _concurrent;

    public HnswGraph(int dimension, HnswParameters parameters, int initialCapacity = 1024)
    {
        parameters.Validate();
        _dimension = dimension;
        _m = parameters.M;
        _m0 = parameters.M * 2;
        _efConstruction = parameters.EfConstruction;
        _levelMultiplier = 1.0 / Math.Log(parameters.M);
        _random = new Random(parameters.Seed);
        initialCapacity = Math.Max(initialCapacity, 16);
        _vectors = new float[initialCapacity * dimension];
        _levels = new int[initialCapacity];
        _deleted = new bool[initialCapacity];
        _pending = new bool[initialCapacity];
        _links0 = new int[initialCapacity * (1 + _m0)];
        _upperLinks = new int[]?[initialCapacity][];
        EntryPoint = -1;
    }

    public int Dimension => _dimension;

    /// <summary>Slots used, including tombstones.</summary>
    public int Count { get; private set; }

    public int DeletedCount { get; private set; }

    public int EntryPoint { get; private set; }

    public int MaxLevel { get; private set; }

    public ReadOnlySpan<float> Vector(int node) => _vectors.AsSpan(node * _dimension, _dimension);

    public bool IsDeleted(int node) => _deleted[node];

    public void MarkDeleted(int node)
    {
        if (!_deleted[node])
        {
            _deleted[node] = true;
            DeletedCount++;
        }
    }

    /// <summary>Appends normalised vectors as new nodes and links them, on up to <paramref name="parallelism"/> threads; returns the first slot.</summary>
    public int AddBatch(IReadOnlyList<float[]> vectors, int parallelism)
    {
        var first = Count;
        EnsureCapacity(first + vectors.Count);
        for (var i = 0; i < vectors.Count; i++)
        {
            var node = first + i;
            vectors[i].CopyTo(_vectors.AsSpan(node * _dimension, _dimension));
            var level = (int)(-Math.Log(1.0 - _random.NextDouble()) * _levelMultiplier);
            _levels[node] = level;
            _upperLinks[node] = [.. Enumerable.Range(0, level).Select(_ => new int[1 + _m])];
            _links0[node * (1 + _m0)] = 0;
        }

        Count = first + vectors.Count;
        if (parallelism <= 1 || vectors.Count < 64)
        {
            for (var node = first; node < Count; node++)
            {
                Link(node, _levels[node]);
            }

            return first;
        }

        _concurrent = true;
        _pending.AsSpan(first, vectors.Count).Fill(true);
        try
        {
            Parallel.For(first, Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, node =>
            {
                Link(node, _levels[node]);
                Volatile.Write(ref _pending[node], false);
            });
        }
        finally
        {
            _concurrent = false;
            _pending.AsSpan(first, vectors.Count).Clear();
        }

        return first;
    }

    /// <summary>The node's links at a level: the live list outside a batch, a copy taken under its lock during one.</summary>
    private ReadOnlySpan<int> ReadLinks(int node, int level, Span<int> buffer)
    {
        if (!_concurrent)
        {
            return Links(node, level);
        }

        lock (_stripes[node & 1023])
        {
            var links = Links(node, level);
            links.CopyTo(buffer);
            return buffer[..links.Length];
        }
    }

    private bool IsPending(int node) => _concurrent && Volatile.Read(ref _pending[node]);

    private float Distance(ReadOnlySpan<float> query, int node) =>
        1f - TensorPrimitives.Dot(query, _vectors.AsSpan(node * _dimension, _dimension));

    private float Distance(int a, int b) => Distance(Vector(a), b);

    private Span<int> Links(int node, int level)
    {
        if (level == 0)
        {
            var start = node * (1 + _m0);
            return _links0.AsSpan(start + 1, _links0[start]);
        }

        var links = _upperLinks[node][level - 1];
        return links is null ? [] : links.AsSpan(1, links[0]);
    }

    private void SetLinks(int node, int level, ReadOnlySpan<int> neighbours)
    {
        lock (_stripes[node & 1023])
        {
            SetLinksUnlocked(node, level, neighbours);
        }
    }

    private void SetLinksUnlocked(int node, int level, ReadOnlySpan<int> neighbours)
    {
        if (level == 0)
        {
            var start = node * (1 + _m0);
            _links0[start] = neighbours.Length;
            neighbours.CopyTo(_links0.AsSpan(start + 1, _m0));
            return;
        }

        var links = _upperLinks[node][level - 1] ??= new int[1 + _m];
        links[0] = neighbours.Length;
        neighbours.CopyTo(links.AsSpan(1));
    }

    private int MaxLinks(int level) => level == 0 ? _m0 : _m;

    private void EnsureCapacity(int needed)
    {
        if (needed <= _levels.Length)
        {
            return;
        }

        var capacity = Math.Max(needed, _levels.Length * 2);
        Array.Resize(ref _vectors, capacity * _dimension);
        Array.Resize(ref _levels, capacity);
        Array.Resize(ref _deleted, capacity);
        Array.Resize(ref _pending, capacity);
        Array.Resize(ref _links0, capacity * (1 + _m0));
        Array.Resize(ref _upperLinks, capacity);
    }
}
