namespace Designer.Workflows.Definitions;

/// <summary>A port on a node.</summary>
/// <param name="Node">The node id.</param>
/// <param name="Port">The port id, e.g. <c>next</c> or <c>in</c>.</param>
public sealed record PortRef(string Node, string Port);
