namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>Merges a canvas delta into a definition: upserts what the gesture left on the canvas, drops what it removed.</summary>
internal static class GraphDeltaApplier
{
    public static bool Apply(WorkflowDefinition definition, GraphDelta delta)
    {
        var changed = false;
        foreach (var node in delta.Nodes)
        {
            changed |= Upsert(definition, node);
        }

        changed |= definition.Nodes.RemoveAll(n => delta.RemovedNodes.Contains(n.Id)) > 0;
        foreach (var edge in delta.Edges)
        {
            changed |= Upsert(definition, edge);
        }

        // Edges of removed nodes go with them, as they do on the canvas.
        var nodeIds = definition.Nodes.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        changed |= definition.Edges.RemoveAll(e =>
            delta.RemovedEdges.Contains(e.Id) || !nodeIds.Contains(e.From.Node) || !nodeIds.Contains(e.To.Node)) > 0;
        return changed;
    }

    private static bool Upsert(WorkflowDefinition definition, DeltaNode delta)
    {
        var node = definition.Nodes.Find(n => n.Id == delta.Id);
        if (node is null)
        {
            definition.Nodes.Add(new NodeDefinition
            {
                Id = delta.Id,
                Kind = delta.Kind ?? string.Empty,
                Name = delta.Name ?? string.Empty,
                Position = new NodePosition(delta.X, delta.Y),
                Config = delta.Config ?? [],
            });
            return true;
        }

        var changed = false;
        if (node.Position.X != delta.X || node.Position.Y != delta.Y)
        {
            node.Position = new NodePosition(delta.X, delta.Y);
            changed = true;
        }

        if (delta.Name is not null && delta.Name != node.Name)
        {
            node.Name = delta.Name;
            changed = true;
        }

        if (delta.Config is not null && !System.Text.Json.Nodes.JsonNode.DeepEquals(delta.Config, node.Config))
        {
            node.Config = delta.Config;
            changed = true;
        }

        return changed;
    }

    private static bool Upsert(WorkflowDefinition definition, CanvasEdge delta)
    {
        var edge = definition.Edges.Find(e => e.Id == delta.Id);
        if (edge is null)
        {
            definition.Edges.Add(new EdgeDefinition { Id = delta.Id, From = delta.From, To = delta.To });
            return true;
        }

        if (edge.From == delta.From && edge.To == delta.To)
        {
            return false;
        }

        edge.From = delta.From;
        edge.To = delta.To;
        return true;
    }
}
