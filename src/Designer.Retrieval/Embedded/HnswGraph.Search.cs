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

        var found = SearchLayer(query, entry, Math.Max(ef, k), 0, node => !_deleted[node] && (accept is null || accept(node)));
        var result = new List<(int, float)>(Math.Min(k, found.Count));
        for (var i = 0; i < found.Count && i < k; i++)
        {
            result.Add((found[i].Node, 1f - found[i].Distance));
        }

        return result;
    }

    private int GreedyClosest(ReadOnlySpan<float> query, int entry, int level)
    {
        var best = entry;
        var bestDistance = Distance(query, entry);
        var improved = true;
        while (improved)
        {
            improved = false;
            foreach (var neighbour in Links(best, level))
            {
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

    /// <summary>
    /// Beam search on one layer (algorithm 2). Every node is traversed, but only nodes passing <paramref name="accept"/>
    /// enter the result set, so tombstones and filtered-out nodes still serve as stepping stones.
    /// </summary>
    private List<(int Node, float Distance)> SearchLayer(ReadOnlySpan<float> query, int entry, int ef, int level, Func<int, bool>? accept)
    {
        var visited = VisitedSet.Rent(Count);
        var candidates = new PriorityQueue<int, float>();
        var results = new PriorityQueue<int, float>(); // max-heap via negated distance: the worst result is on top
        var entryDistance = Distance(query, entry);
        visited.Add(entry);
        candidates.Enqueue(entry, entryDistance);
        var worst = float.MaxValue;
        if (accept is null || accept(entry))
        {
            results.Enqueue(entry, -entryDistance);
            worst = entryDistance;
        }

        while (candidates.TryDequeue(out var current, out var currentDistance))
        {
            if (currentDistance > worst && results.Count >= ef)
            {
                break;
            }

            foreach (var neighbour in Links(current, level))
            {
                if (!visited.Add(neighbour))
                {
                    continue;
                }

                var distance = Distance(query, neighbour);
                if (results.Count < ef || distance < worst)
                {
                    candidates.Enqueue(neighbour, distance);
                    if (accept is null || accept(neighbour))
                    {
                        results.Enqueue(neighbour, -distance);
                        if (results.Count > ef)
                        {
                            results.Dequeue();
                        }

                        results.TryPeek(out _, out var negativeWorst);
                        worst = -negativeWorst;
                    }
                }
            }
        }

        var ordered = new List<(int Node, float Distance)>(results.Count);
        while (results.TryDequeue(out var node, out var negative))
        {
            ordered.Add((node, -negative));
        }

        ordered.Reverse();
        return ordered;
    }
}
