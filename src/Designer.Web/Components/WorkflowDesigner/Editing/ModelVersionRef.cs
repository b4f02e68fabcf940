namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>An approved model version the model picker can offer.</summary>
public sealed record ModelVersionRef(string Id, int Version);
