namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>
/// Left-to-right layered layout: a node's column is the longest path from a source (cycles are cut at the back edges
/// of a walk from the sources), rows keep the previous vertical order so a re-layout does not shuffle the picture.
/// </summary>
internal static class AutoLayout
{
    public const double ColumnWidth = 280;
    public const double RowHeight = 120;

    public static Dictionary<string, NodePosition> Compute(WorkflowDefinition definition, double originX = 40, double originY = 40)
    {
        var ids = definition.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var successors = definition.Edges
            .Where(e => ids.Contains(e.From.Node) && ids.Contains(e.To.Node) && e.From.Node != e.To.Node)
            .GroupBy(e => e.From.Node)
            .ToDictionary(g => g.Key, g => g.Select(e => e.To.Node).Distinct().ToList());
        var column = new Dictionary<string, int>(StringComparer.Ordinal);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false = on the stack, true = done
        var order = new List<string>();
        // The walk starts at the nodes nothing points to (the start), so a loop is cut at the edge that returns
        // towards the start rather than wherever the draft happens to list the loop's first node.
        var targets = successors.Values.SelectMany(s => s).ToHashSet(StringComparer.Ordinal);
        foreach (var node in definition.Nodes.OrderBy(n => targets.Contains(n.Id)))
        {
            Visit(node.Id, successors, state, order);
        }

        // Reverse post-order is a topological order of the graph without its back edges.
        order.Reverse();
        var index = order.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        foreach (var id in order)
        {
            column.TryAdd(id, 0);
            foreach (var next in successors.GetValueOrDefault(id, []))
            {
                if (index[next] > index[id])
                {
                    column[next] = Math.Max(column.GetValueOrDefault(next), column[id] + 1);
                }
            }
        }

        var positions = new Dictionary<string, NodePosition>(StringComparer.Ordinal);
        foreach (var group in definition.Nodes.GroupBy(n => column[n.Id]))
        {
            var row = 0;
            foreach (var node in group.OrderBy(n => n.Position.Y))
            {
                positions[node.Id] = new NodePosition(originX + (group.Key * ColumnWidth), originY + (row++ * RowHeight));
            }
        }

        return positions;
    }

    private static void Visit(string id, Dictionary<string, List<string>> successors, Dictionary<string, bool> state, List<string> order)
    {
        var stack = new Stack<(string Id, int Next)>();
        if (state.ContainsKey(id))
        {
            return;
        }

        state[id] = false;
        stack.Push((id, 0));
        while (stack.Count > 0)
        {
            var (current, next) = stack.Pop();
            var children = successors.GetValueOrDefault(current, []);
            if (next < children.Count)
            {
                stack.Push((current, next + 1));
                if (!state.ContainsKey(children[next]))
                {
                    state[children[next]] = false;
                    stack.Push((children[next], 0));
                }

                continue;
            }

            state[current] = true;
            order.Add(current);
        }
    }
}
