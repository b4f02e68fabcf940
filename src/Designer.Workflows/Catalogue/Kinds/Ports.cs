namespace Designer.Workflows.Catalogue.Kinds;

/// <summary>Shorthands that keep the kind declarations readable.</summary>
internal static class Ports
{
    public static readonly IReadOnlyList<PortDescriptor> None = [];

    public static readonly IReadOnlyList<PortDescriptor> In = [new(NodeKinds.InputPort, "In")];

    public static ConfigFieldDescriptor Field(string name, string type, string description, bool required = false) =>
        new(name, type, required, description);
}
