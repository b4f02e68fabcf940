using System.Text.Json.Nodes;

namespace Designer.Workflows.Definitions;

/// <summary>One node of a workflow: a kind from the catalogue plus its configuration and canvas position.</summary>
public sealed class NodeDefinition
{
    /// <summary>Unique node id within the workflow.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Node kind, e.g. <c>model</c>; see <see cref="Catalogue.NodeKinds"/>.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Display name shown on the canvas.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Top-left position on the canvas.</summary>
    public NodePosition Position { get; set; } = new(0, 0);

    /// <summary>Kind-specific configuration, read into a typed config from <see cref="Catalogue.Configs"/>.</summary>
    public JsonObject Config { get; set; } = [];
}
