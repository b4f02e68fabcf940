namespace Designer.Workflows.Catalogue;

/// <summary>Everything the validator, the API and the designer palette know about a node kind.</summary>
public sealed class NodeKindDescriptor
{
    /// <summary>Kind id, e.g. <c>model</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Palette label.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Palette group, e.g. <c>Flow</c>, <c>AI</c>, <c>Governance</c>.</summary>
    public required string Group { get; init; }

    /// <summary>Short icon key resolved by the designer.</summary>
    public required string Icon { get; init; }

    /// <summary>One-sentence description for the palette tooltip.</summary>
    public required string Description { get; init; }

    /// <summary>Input ports; empty for <c>start</c>, otherwise the single port <c>in</c>.</summary>
    public required IReadOnlyList<PortDescriptor> InputPorts { get; init; }

    /// <summary>
    /// Static output ports. For kinds with <see cref="HasDynamicOutputPorts"/> these are the defaults;
    /// use <see cref="NodeKindCatalogue.OutputPorts"/> for a concrete node.
    /// </summary>
    public required IReadOnlyList<PortDescriptor> OutputPorts { get; init; }

    /// <summary>True when the output ports depend on the node's config (condition cases).</summary>
    public bool HasDynamicOutputPorts { get; init; }

    /// <summary>The typed config class in <see cref="Configs"/> that the config object deserialises into.</summary>
    public required Type ConfigType { get; init; }

    /// <summary>The config fields, in display order.</summary>
    public required IReadOnlyList<ConfigFieldDescriptor> Fields { get; init; }
}
