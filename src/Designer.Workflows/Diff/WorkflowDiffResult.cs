using Designer.Workflows.Definitions;

namespace Designer.Workflows.Diff;

/// <summary>The structural difference between two definitions.</summary>
public sealed class WorkflowDiffResult
{
    /// <summary>Workflow-level changes (<c>name</c>, <c>description</c>, <c>schemaVersion</c>).</summary>
    public required IReadOnlyList<FieldChange> WorkflowChanges { get; init; }

    /// <summary>Nodes only in the new version.</summary>
    public required IReadOnlyList<NodeSummary> NodesAdded { get; init; }

    /// <summary>Nodes only in the old version.</summary>
    public required IReadOnlyList<NodeSummary> NodesRemoved { get; init; }

    /// <summary>Nodes whose position changed.</summary>
    public required IReadOnlyList<NodeMove> NodesMoved { get; init; }

    /// <summary>Nodes whose kind, name or config changed.</summary>
    public required IReadOnlyList<NodeChange> NodesChanged { get; init; }

    /// <summary>Edges only in the new version (or re-pointed under the same id).</summary>
    public required IReadOnlyList<EdgeDefinition> EdgesAdded { get; init; }

    /// <summary>Edges only in the old version (or re-pointed under the same id).</summary>
    public required IReadOnlyList<EdgeDefinition> EdgesRemoved { get; init; }

    /// <summary>True when nothing differs.</summary>
    public bool IsEmpty => WorkflowChanges.Count == 0 && NodesAdded.Count == 0 && NodesRemoved.Count == 0 &&
                           NodesMoved.Count == 0 && NodesChanged.Count == 0 && EdgesAdded.Count == 0 &&
                           EdgesRemoved.Count == 0;
}
