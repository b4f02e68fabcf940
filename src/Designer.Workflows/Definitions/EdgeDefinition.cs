namespace Designer.Workflows.Definitions;

/// <summary>A connection from an output port of one node to the input port of another.</summary>
public sealed class EdgeDefinition
{
    /// <summary>Unique edge id within the workflow.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Source node and output port.</summary>
    public PortRef From { get; set; } = new(string.Empty, string.Empty);

    /// <summary>Target node and input port.</summary>
    public PortRef To { get; set; } = new(string.Empty, string.Empty);
}
