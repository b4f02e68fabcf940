namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>The canvas selection.</summary>
public sealed record CanvasSelection(IReadOnlyList<string> Nodes, IReadOnlyList<string> Edges);
