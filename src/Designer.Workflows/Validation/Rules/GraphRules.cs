using Designer.Workflows.Catalogue;

namespace Designer.Workflows.Validation.Rules;

internal static class GraphRules
{
    public static void Check(ValidationContext context)
    {
        var starts = context.Nodes.Where(n => n.Kind == NodeKinds.Start).ToList();
        if (starts.Count == 0)
        {
            context.Add(ProblemCodes.GraphNoStart, "The workflow needs a start node.");
        }

        foreach (var extra in starts.Skip(1))
        {
            context.Add(ProblemCodes.GraphMultipleStarts, "The workflow has more than one start node.", extra.Id);
        }

        if (!context.Nodes.Any(n => n.Kind == NodeKinds.End))
        {
            context.Add(ProblemCodes.GraphNoEnd, "The workflow needs at least one end node.");
        }

        var graph = new NodeGraph(context);
        if (starts.Count > 0)
        {
            CheckReachability(context, graph, starts.Select(s => s.Id));
        }

        CheckCycles(context, graph);
        CheckDeadEnds(context);
    }

    private static void CheckReachability(ValidationContext context, NodeGraph graph, IEnumerable<string?> starts)
    {
        var reached = graph.ReachableFrom(starts);
        foreach (var node in context.NodesById.Values.Where(n => !reached.Contains(n.Id ?? string.Empty)))
        {
            context.Add(ProblemCodes.NodeUnreachable, $"Node '{node.Id}' cannot be reached from the start node.", node.Id);
        }
    }

    private static void CheckCycles(ValidationContext context, NodeGraph graph)
    {
        foreach (var cycle in graph.Cycles())
        {
            var path = string.Join(" → ", cycle);
            foreach (var nodeId in cycle)
            {
                context.Add(ProblemCodes.GraphCycle, $"Node '{nodeId}' is on a cycle: {path}.", nodeId);
            }
        }
    }

    private static void CheckDeadEnds(ValidationContext context)
    {
        var sources = context.Edges.Select(e => e.From?.Node).ToHashSet(StringComparer.Ordinal);
        foreach (var node in context.NodesById.Values)
        {
            if (node.Kind != NodeKinds.End && context.Catalogue.TryGet(node.Kind, out _) && !sources.Contains(node.Id))
            {
                context.Add(ProblemCodes.NodeDeadEnd, $"Node '{node.Id}' has no outgoing edge.", node.Id);
            }
        }
    }
}
