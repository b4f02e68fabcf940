namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>A node kind dropped from the palette at canvas coordinates.</summary>
public sealed record NodeDrop(string Kind, double X, double Y);
