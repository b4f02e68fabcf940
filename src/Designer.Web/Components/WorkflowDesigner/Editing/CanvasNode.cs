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
