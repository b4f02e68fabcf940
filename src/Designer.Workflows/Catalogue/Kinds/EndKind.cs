using Designer.Workflows.Catalogue.Configs;
using static Designer.Workflows.Catalogue.Kinds.Ports;

namespace Designer.Workflows.Catalogue.Kinds;

internal static class EndKind
{
    public static readonly NodeKindDescriptor Descriptor = new()
    {
        Kind = NodeKinds.End,
        DisplayName = "End",
        Group = "Flow",
        Icon = "flag",
        Description = "Finishes the run and shapes its output.",
        InputPorts = In,
        OutputPorts = None,
        ConfigType = typeof(EndConfig),
        Fields = [Field("outputMapping", ConfigFieldTypes.Object, "Output field to expression.")],
    };
}
