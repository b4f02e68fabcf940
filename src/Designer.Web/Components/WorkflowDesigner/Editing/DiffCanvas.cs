namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>
/// What the approver's canvas shows: the reviewed version plus the nodes and edges it removed, each marked added,
/// removed or changed (moved-only nodes are not marked: layout is not behaviour).
/// </summary>
internal sealed record DiffCanvas(
    WorkflowDefinition Merged,
    Dictionary<string, string> NodeStates,
    Dictionary<string, string> EdgeStates)
{
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Changed = "changed";

    public static DiffCanvas Build(WorkflowDefinition before, WorkflowDefinition after, WorkflowDiffResult diff)
    {
        var merged = new WorkflowDefinition
        {
            Name = after.Name,
            Nodes = [.. after.Nodes, .. before.Nodes.Where(n => diff.NodesRemoved.Any(r => r.Id == n.Id))],
            Edges = [.. after.Edges, .. diff.EdgesRemoved.Where(e => after.Edges.All(a => a.Id != e.Id))],
        };
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
        diff.NodesAdded.ToList().ForEach(n => nodes[n.Id] = Added);
        diff.NodesRemoved.ToList().ForEach(n => nodes[n.Id] = Removed);
        diff.NodesChanged.ToList().ForEach(n => nodes[n.Id] = Changed);
        var edges = new Dictionary<string, string>(StringComparer.Ordinal);
        diff.EdgesAdded.ToList().ForEach(e => edges[e.Id] = Added);
        // An edge re-pointed under the same id is both removed and added; show it as changed.
        diff.EdgesRemoved.ToList().ForEach(e => edges[e.Id] = edges.ContainsKey(e.Id) ? Changed : Removed);
        return new DiffCanvas(merged, nodes, edges);
    }
}
