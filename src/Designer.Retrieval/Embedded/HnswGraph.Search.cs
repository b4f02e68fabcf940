namespace Designer.Retrieval.Embedded;

internal sealed partial class HnswGraph
{
    /// <summary>Approximate k nearest live nodes that pass <paramref name="accept"/>, nearest first, as (node, cosine similarity).</summary>
    public List<(int Node, float Similarity)> Search(ReadOnlySpan<float> query, int k, int ef, Func<int, bool>? accept)
    {
        if (EntryPoint < 0)
        {
            return [];
        }

        var entry = EntryPoint;
        for (var l = MaxLevel; l > 0; l--)
        {
            entry = GreedyClosest(query, entry, l);
        }

        var results = SearchLayer(query, entry, Math.Max(ef, k), 0, skipDeleted: true, accept);
        while (results.Count > k)
        {
            results.Pop(out _);
        }

        var found = new List<(int Node, float Similarity)>(results.Count);
        while (results.Count > 0)
        {
            var node = results.Pop(out var negativeDistance);
            found.Add((node, 1f + negativeDistance));
        }

        found.Reverse();
        return found;
    }

    private int GreedyClosest(ReadOnlySpan<float> query, int entry, int level)
    {
        Span<int> buffer = stackalloc int[_m0];
        var best = entry;
        var bestDistance = Distance(query, entry);
        var improved = true;
        while (improved)
        {
            improved = false;
            foreach (var neighbour in ReadLinks(best, level, buffer))
            {
                if (IsPending(neighbour))
                {
                    continue;
                }

                var distance = Distance(query, neighbour);
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = neighbour;
                    improved = true;
                }
            }
        }

        return best;
    }

    /// <summary>Beam search on one layer, for insertion: all nodes qualify; nearest first.</summary>
    private List<(int Node, float Distance)> SearchLayerOrdered(ReadOnlySpan<float> query, int entry, int ef, int level)
    {
        var results = SearchLayer(query, entry, ef, level, skipDeleted: false, accept: null);
        var ordered = new List<(int Node, float Distance)>(results.Count);
        while (results.Count > 0)
        {
            var node = results.Pop(out var negativeDistance);
            ordered.Add((node, -negativeDistance));
        }

        ordered.Reverse();
        return ordered;
    }

    /// <summary>
    /// Beam search on one layer (algorithm 2 of the paper). Every node is traversed, but only live nodes passing
    /// <paramref name="accept"/> enter the results, so tombstones and filtered-out nodes still serve as stepping
    /// stones. Returns the thread's result heap (keys are negated distances; the worst result on top).
    /// </summary>
    private NodeHeap SearchLayer(ReadOnlySpan<float> query, int entry, int ef, int level, bool skipDeleted, Func<int, bool>? accept)
    {
        Span<int> buffer = stackalloc int[_m0];
        var visited = VisitedSet.Rent(Count);
        var scratch = SearchScratch.Rent();
        var candidates = scratch.Candidates;
        var results = scratch.Results;
        var filtered = skipDeleted && (DeletedCount > 0 || accept is not null);
        var entryDistance = Distance(query, entry);
        visited.Add(entry);
        candidates.Push(entry, entryDistance);
        var worst = float.MaxValue;
        if (!filtered || Qualifies(entry, accept))
        {
            results.Push(entry, -entryDistance);
            worst = entryDistance;
        }

        while (candidates.Count > 0)
        {
            var current = candidates.Pop(out var currentDistance);
            if (currentDistance > worst && results.Count >= ef)
            {
                break;
            }

            foreach (var neighbour in ReadLinks(current, level, buffer))
            {
                if (!visited.Add(neighbour))
                {
                    continue;
                }

                var distance = Distance(query, neighbour);
                if (results.Count < ef || distance < worst)
                {
                    candidates.Push(neighbour, distance);
                    if (!filtered || Qualifies(neighbour, accept))
                    {
                        results.Push(neighbour, -distance);
                        if (results.Count > ef)
                        {
                            results.Pop(out _);
                        }

                        worst = -results.TopKey;
                    }
                }
            }
        }

        return results;
    }

    private bool Qualifies(int node, Func<int, bool>? accept) => !_deleted[node] && (accept is null || accept(node));
}
