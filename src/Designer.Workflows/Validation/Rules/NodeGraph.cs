namespace Designer.Workflows.Validation.Rules;

/// <summary>Adjacency over distinct node ids, with iterative algorithms so 5,000-node graphs cannot overflow the stack.</summary>
internal sealed class NodeGraph
{
    private readonly List<string> _ids;
    private readonly Dictionary<string, int> _indexOf;
    private readonly List<int>[] _next;

    public NodeGraph(ValidationContext context)
    {
        _ids = [.. context.NodesById.Keys];
        _indexOf = _ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal);
        _next = [.. _ids.Select(_ => new List<int>())];
        foreach (var edge in context.ConnectedEdges())
        {
            var from = _indexOf[edge.From.Node ?? string.Empty];
            var to = _indexOf[edge.To.Node ?? string.Empty];
            if (from != to)
            {
                _next[from].Add(to);
            }
        }
    }

    public HashSet<string> ReachableFrom(IEnumerable<string?> roots)
    {
        var seen = new bool[_ids.Count];
        var queue = new Queue<int>(roots.Select(r => r ?? string.Empty).Where(_indexOf.ContainsKey).Select(r => _indexOf[r]));
        foreach (var root in queue)
        {
            seen[root] = true;
        }

        while (queue.TryDequeue(out var current))
        {
            foreach (var next in _next[current].Where(n => !seen[n]))
            {
                seen[next] = true;
                queue.Enqueue(next);
            }
        }

        return [.. _ids.Where((_, i) => seen[i])];
    }

    /// <summary>Strongly connected components with more than one node (Tarjan), in node order.</summary>
    public List<List<string>> Cycles()
    {
        var count = _ids.Count;
        var index = Enumerable.Repeat(-1, count).ToArray();
        var low = new int[count];
        var onStack = new bool[count];
        var stack = new Stack<int>();
        var calls = new Stack<(int Node, int Edge)>();
        var cycles = new List<List<string>>();
        var counter = 0;
        for (var root = 0; root < count; root++)
        {
            if (index[root] != -1)
            {
                continue;
            }

            calls.Push((root, 0));
            while (calls.TryPop(out var frame))
            {
                var (v, i) = frame;
                if (index[v] == -1)
                {
                    index[v] = low[v] = counter++;
                    stack.Push(v);
                    onStack[v] = true;
                }

                var descended = false;
                for (; i < _next[v].Count; i++)
                {
                    var w = _next[v][i];
                    if (index[w] == -1)
                    {
                        calls.Push((v, i + 1));
                        calls.Push((w, 0));
                        descended = true;
                        break;
                    }

                    if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                }

                if (descended)
                {
                    continue;
                }

                if (low[v] == index[v])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    }
                    while (w != v);

                    if (component.Count > 1)
                    {
                        cycles.Add([.. component.Order().Select(c => _ids[c])]);
                    }
                }

                if (calls.TryPeek(out var parent))
                {
                    low[parent.Node] = Math.Min(low[parent.Node], low[v]);
                }
            }
        }

        return cycles;
    }
}
