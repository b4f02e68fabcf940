namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>
/// What one finished gesture changed on the canvas (cells added or changed, and ids removed); the module sends one
/// per gesture, never per pointer move.
/// </summary>
public sealed record GraphDelta(
    IReadOnlyList<DeltaNode> Nodes,
    IReadOnlyList<CanvasEdge> Edges,
    IReadOnlyList<string> RemovedNodes,
    IReadOnlyList<string> RemovedEdges);
