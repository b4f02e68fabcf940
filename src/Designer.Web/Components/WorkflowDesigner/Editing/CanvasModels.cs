using System.Text.Json.Nodes;

namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>A node as the canvas module draws it: the model's fields plus what the view needs (ports, summary).</summary>
public sealed record CanvasNode(
    string Id,
    string Kind,
    string Name,
    double X,
    double Y,
    JsonObject Config,
    string Summary,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs);

/// <summary>An edge as the canvas module draws it.</summary>
public sealed record CanvasEdge(string Id, PortRef From, PortRef To);

/// <summary>
/// What <c>load</c> receives. Problem counts come with the cells, so a large invalid draft gets its badges in the
/// same pass that builds it rather than in a second one over every cell.
/// </summary>
public sealed record CanvasDocument(
    IReadOnlyList<CanvasNode> Nodes,
    IReadOnlyList<CanvasEdge> Edges,
    bool Fit,
    IReadOnlyDictionary<string, int> NodeProblems,
    IReadOnlyDictionary<string, int> EdgeProblems);

/// <summary>A node in a <see cref="GraphDelta"/>: its state after the gesture.</summary>
public sealed record DeltaNode(string Id, string? Kind, string? Name, double X, double Y, JsonObject? Config);

/// <summary>
/// What one finished gesture changed on the canvas (cells added or changed, and ids removed); the module sends one
/// per gesture, never per pointer move.
/// </summary>
public sealed record GraphDelta(
    IReadOnlyList<DeltaNode> Nodes,
    IReadOnlyList<CanvasEdge> Edges,
    IReadOnlyList<string> RemovedNodes,
    IReadOnlyList<string> RemovedEdges);

/// <summary>A node kind dropped from the palette at canvas coordinates.</summary>
public sealed record NodeDrop(string Kind, double X, double Y);

/// <summary>The canvas selection.</summary>
public sealed record CanvasSelection(IReadOnlyList<string> Nodes, IReadOnlyList<string> Edges);

/// <summary>Whether the canvas history can undo or redo.</summary>
public sealed record HistoryState(bool CanUndo, bool CanRedo);
