using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;

namespace Designer.Workflows.Validation.Rules;

internal static class EdgeRules
{
    public static void Check(ValidationContext context)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var connections = new HashSet<(string, string, string, string)>();
        foreach (var edge in context.Edges)
        {
            if (!ids.Add(edge.Id ?? string.Empty))
            {
                context.Add(ProblemCodes.EdgeDuplicateId, $"Edge id '{edge.Id}' is used more than once.", edgeId: edge.Id,
                    field: "id");
            }

            var from = edge.From ?? new PortRef(string.Empty, string.Empty);
            var to = edge.To ?? new PortRef(string.Empty, string.Empty);
            CheckSource(context, edge, from);
            CheckTarget(context, edge, to);
            if (from.Node == to.Node && !string.IsNullOrEmpty(from.Node))
            {
                context.Add(ProblemCodes.EdgeSelfLoop, $"Edge '{edge.Id}' connects node '{from.Node}' to itself.",
                    from.Node, edge.Id);
            }

            if (!connections.Add((from.Node ?? "", from.Port ?? "", to.Node ?? "", to.Port ?? "")))
            {
                context.Add(ProblemCodes.EdgeDuplicate,
                    $"Edge '{edge.Id}' repeats the connection {from.Node}.{from.Port} → {to.Node}.{to.Port}.",
                    from.Node, edge.Id);
            }
        }
    }

    private static void CheckSource(ValidationContext context, EdgeDefinition edge, PortRef from)
    {
        if (!context.NodesById.TryGetValue(from.Node ?? string.Empty, out var source))
        {
            context.Add(ProblemCodes.EdgeDanglingSource, $"Edge '{edge.Id}' starts at missing node '{from.Node}'.",
                edgeId: edge.Id, field: "from.node");
            return;
        }

        // An unknown kind is already reported on the node; its ports cannot be judged.
        if (context.Catalogue.TryGet(source.Kind, out _) &&
            !context.Catalogue.OutputPorts(source).Contains(from.Port ?? string.Empty, StringComparer.Ordinal))
        {
            context.Add(ProblemCodes.EdgeUnknownSourcePort,
                $"Node '{source.Id}' ({source.Kind}) has no output port '{from.Port}'.", source.Id, edge.Id, "from.port");
        }
    }

    private static void CheckTarget(ValidationContext context, EdgeDefinition edge, PortRef to)
    {
        if (!context.NodesById.TryGetValue(to.Node ?? string.Empty, out var target))
        {
            context.Add(ProblemCodes.EdgeDanglingTarget, $"Edge '{edge.Id}' ends at missing node '{to.Node}'.",
                edgeId: edge.Id, field: "to.node");
            return;
        }

        if (context.Catalogue.TryGet(target.Kind, out var kind) &&
            !kind.InputPorts.Any(p => p.Id == to.Port))
        {
            context.Add(ProblemCodes.EdgeUnknownTargetPort,
                kind.InputPorts.Count == 0
                    ? $"Node '{target.Id}' ({target.Kind}) has no input port."
                    : $"Node '{target.Id}' ({target.Kind}) has no input port '{to.Port}'; use '{NodeKinds.InputPort}'.",
                target.Id, edge.Id, "to.port");
        }
    }
}
