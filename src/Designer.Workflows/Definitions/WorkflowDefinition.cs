namespace Designer.Workflows.Definitions;

/// <summary>
/// A workflow as authored on the canvas: the public wire format used for import/export and draft saves.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>The only schema version this library reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Version of the wire format; must be <see cref="CurrentSchemaVersion"/>.</summary>
    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>Human-readable workflow name.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Optional free-text description.</summary>
    public string? Description { get; set; }

    /// <summary>The nodes on the canvas.</summary>
    public List<NodeDefinition> Nodes { get; set; } = [];

    /// <summary>The connections between node ports.</summary>
    public List<EdgeDefinition> Edges { get; set; } = [];
}
