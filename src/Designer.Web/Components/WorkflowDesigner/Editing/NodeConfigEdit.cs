using System.Text.Json.Nodes;

namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>A config edit made in the inspector, with the node it was made on (the selection may have moved since).</summary>
public sealed record NodeConfigEdit(string NodeId, JsonObject Config);
