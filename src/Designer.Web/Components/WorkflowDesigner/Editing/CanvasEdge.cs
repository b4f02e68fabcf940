namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>An edge as the canvas module draws it.</summary>
public sealed record CanvasEdge(string Id, PortRef From, PortRef To);
