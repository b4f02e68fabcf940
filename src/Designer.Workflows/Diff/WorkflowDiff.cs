using System.Text.Json.Nodes;
using Designer.Workflows.Definitions;

namespace Designer.Workflows.Diff;

/// <summary>Computes what changed between two versions of a workflow, for review before approval.</summary>
public static class WorkflowDiff
{
    /// <summary>Compares two definitions; nodes and edges are matched by id (first occurrence wins).</summary>
    /// <param name="from">The old version.</param>
    /// <param name="to">The new version.</param>
    public static WorkflowDiffResult Compute(WorkflowDefinition from, WorkflowDefinition to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var oldNodes = ById(from.Nodes, n => n.Id);
        var newNodes = ById(to.Nodes, n => n.Id);
        var oldEdges = ById(from.Edges, e => e.Id);
        var newEdges = ById(to.Edges, e => e.Id);
        var repointed = oldEdges.Keys.Where(id => newEdges.TryGetValue(id, out var edge) && !SameEndpoints(oldEdges[id], edge))
            .ToHashSet(StringComparer.Ordinal);
        var common = oldNodes.Keys.Where(newNodes.ContainsKey).ToList();

        return new WorkflowDiffResult
        {
            WorkflowChanges = WorkflowChanges(from, to),
            NodesAdded = [.. newNodes.Where(p => !oldNodes.ContainsKey(p.Key)).Select(p => Summary(p.Value))],
            NodesRemoved = [.. oldNodes.Where(p => !newNodes.ContainsKey(p.Key)).Select(p => Summary(p.Value))],
            NodesMoved = [.. common.Where(id => oldNodes[id].Position != newNodes[id].Position)
                .Select(id => new NodeMove(id, oldNodes[id].Position, newNodes[id].Position))],
            NodesChanged = [.. common.Select(id => NodeChanges(oldNodes[id], newNodes[id])).OfType<NodeChange>()],
            EdgesAdded = [.. newEdges.Where(p => !oldEdges.ContainsKey(p.Key) || repointed.Contains(p.Key)).Select(p => p.Value)],
            EdgesRemoved = [.. oldEdges.Where(p => !newEdges.ContainsKey(p.Key) || repointed.Contains(p.Key)).Select(p => p.Value)],
        };
    }

    private static Dictionary<string, T> ById<T>(List<T>? items, Func<T, string> id)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            if (item is not null)
            {
                map.TryAdd(id(item) ?? string.Empty, item);
            }
        }

        return map;
    }

    private static bool SameEndpoints(EdgeDefinition a, EdgeDefinition b) => a.From == b.From && a.To == b.To;

    private static NodeSummary Summary(NodeDefinition node) => new(node.Id, node.Kind, node.Name);

    private static List<FieldChange> WorkflowChanges(WorkflowDefinition from, WorkflowDefinition to)
    {
        var changes = new List<FieldChange>();
        JsonTreeDiff.Compare("name", from.Name, to.Name, changes);
        JsonTreeDiff.Compare("description", from.Description, to.Description, changes);
        JsonTreeDiff.Compare("schemaVersion", from.SchemaVersion, to.SchemaVersion, changes);
        return changes;
    }

    private static NodeChange? NodeChanges(NodeDefinition before, NodeDefinition after)
    {
        var changes = new List<FieldChange>();
        JsonTreeDiff.Compare("kind", before.Kind, after.Kind, changes);
        JsonTreeDiff.Compare("name", before.Name, after.Name, changes);
        JsonTreeDiff.Compare("config", before.Config ?? [], after.Config ?? new JsonObject(), changes);
        return changes.Count == 0 ? null : new NodeChange(before.Id, changes);
    }
}
