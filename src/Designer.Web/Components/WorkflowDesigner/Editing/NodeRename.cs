namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>A rename made in the inspector, with the node it was made on.</summary>
public sealed record NodeRename(string NodeId, string Name);
