namespace Designer.Web.Components.WorkflowDesigner.Editing;

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
