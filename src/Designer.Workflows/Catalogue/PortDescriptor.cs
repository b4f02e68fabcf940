namespace Designer.Workflows.Catalogue;

/// <summary>A port a node kind exposes.</summary>
/// <param name="Id">Stable port id used in edges.</param>
/// <param name="DisplayName">Label for the designer.</param>
public sealed record PortDescriptor(string Id, string DisplayName);
