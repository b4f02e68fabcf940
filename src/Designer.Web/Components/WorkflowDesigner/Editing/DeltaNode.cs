using System.Text.Json.Nodes;

namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>A node in a <see cref="GraphDelta"/>: its state after the gesture.</summary>
public sealed record DeltaNode(string Id, string? Kind, string? Name, double X, double Y, JsonObject? Config);
