namespace Designer.Retrieval.Embedded;

internal sealed partial class HnswGraph
{
    private void Link(int node, int level)
    {
        // A node that will become the new top holds the entry lock for its whole insertion, as in hnswlib.
        _entryLock.Enter();
        var entry = EntryPoint;
        var maxLevel = MaxLevel;
        var holdsEntryLock = entry < 0 || level > maxLevel;
        if (!holdsEntryLock)
        {
            _entryLock.Exit();
        }

        try
        {
            if (entry >= 0)
            {
                LinkBelow(node, level, entry, maxLevel);
            }

            if (entry < 0 || level > maxLevel)
            {
                MaxLevel = level;
                EntryPoint = node;
            }
        }
        finally
        {
            if (holdsEntryLock)
            {
                _entryLock.Exit();
            }
        }
    }

    private void LinkBelow(int node, int level, int entry, int maxLevel)
    {
        var query = Vector(node);
        for (var l = maxLevel; l > level; l--)
        {
            entry = GreedyClosest(query, entry, l);
        }

        for (var l = Math.Min(level, maxLevel); l >= 0; l--)
        {
            var candidates = SearchLayerOrdered(query, entry, _efConstruction, l);
            var selected = SetOwnLinks(node, l, SelectNeighbours(candidates, MaxLinks(l)));
            foreach (var neighbour in selected)
            {
                AddBackLink(neighbour, node, l);
            }

            entry = FirstLinked(candidates);
        }
    }

    /// <summary>The nearest candidate whose lower layers are linked, as the entry of the next layer down.</summary>
    private int FirstLinked(List<(int Node, float Distance)> candidates)
    {
        foreach (var (candidate, _) in candidates)
        {
            if (!IsPending(candidate))
            {
                return candidate;
            }
        }

        return candidates[0].Node;
    }

    /// <summary>
    /// Sets a new node's links at a level, keeping links other threads of a parallel batch added meanwhile. A node is
    /// reachable from the layer above before its own lower layers are linked, so a concurrent insertion can start its
    /// search at it, find only it, link to it and add itself to its (still empty) list; overwriting that list would
    /// leave the other node unreachable (about one lost node per 300-node batch on two threads before this).
    /// </summary>
    private int[] SetOwnLinks(int node, int level, int[] selected)
    {
        lock (_stripes[node & 1023])
        {
            var existing = Links(node, level);
            if (existing.IsEmpty)
            {
                SetLinksUnlocked(node, level, selected);
                return selected;
            }

            var candidates = new List<(int Node, float Distance)>(selected.Length + existing.Length);
            foreach (var link in selected)
            {
                candidates.Add((link, Distance(node, link)));
            }

            foreach (var link in existing)
            {
                if (Array.IndexOf(selected, link) < 0)
                {
                    candidates.Add((link, Distance(node, link)));
                }
            }

            candidates.Sort(static (a, b) => a.Distance.CompareTo(b.Distance));
            var merged = SelectNeighbours(candidates, MaxLinks(level));
            SetLinksUnlocked(node, level, merged);
            return selected;
        }
    }

    private void AddBackLink(int from, int to, int level)
    {
        lock (_stripes[from & 1023])
        {
            AddBackLinkLocked(from, to, level);
        }
    }

    private void AddBackLinkLocked(int from, int to, int level)
    {
        var links = Links(from, level);
        var max = MaxLinks(level);
        if (links.Length < max)
        {
            Span<int> grown = stackalloc int[links.Length + 1];
            links.CopyTo(grown);
            grown[^1] = to;
            SetLinksUnlocked(from, level, grown);
            return;
        }

        // Full: re-select from the old links plus the new one with the same diversity heuristic.
        var candidates = new List<(int Node, float Distance)>(links.Length + 1) { (to, Distance(from, to)) };
        foreach (var link in links)
        {
            candidates.Add((link, Distance(from, link)));
        }

        candidates.Sort(static (a, b) => a.Distance.CompareTo(b.Distance));
        SetLinksUnlocked(from, level, SelectNeighbours(candidates, max));
    }

    /// <summary>
    /// The paper's heuristic (algorithm 4): keep a candidate only if it is closer to the base than to every neighbour
    /// already kept. Diverse links keep clusters connected, which plain nearest-M selection loses on clustered data.
    /// Free slots are then filled with the nearest pruned candidates ("keepPrunedConnections"): on the 100k benchmark
    /// that raised recall@10 at efSearch 16 from 0.89 to 0.93 for about the same queries per second.
    /// </summary>
    private int[] SelectNeighbours(List<(int Node, float Distance)> sortedCandidates, int max)
    {
        var selected = new List<int>(max);
        var pruned = new List<int>();
        foreach (var (candidate, distance) in sortedCandidates)
        {
            if (selected.Count == max)
            {
                break;
            }

            var keep = true;
            foreach (var kept in selected)
            {
                if (Distance(candidate, kept) < distance)
                {
                    keep = false;
                    break;
                }
            }

            if (keep)
            {
                selected.Add(candidate);
            }
            else
            {
                pruned.Add(candidate);
            }
        }

        for (var i = 0; i < pruned.Count && selected.Count < max; i++)
        {
            selected.Add(pruned[i]);
        }

        return [.. selected];
    }
}
