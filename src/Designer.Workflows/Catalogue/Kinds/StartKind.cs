using Designer.Workflows.Catalogue.Configs;
using static Designer.Workflows.Catalogue.Kinds.Ports;

namespace Designer.Workflows.Catalogue.Kinds;

internal static class StartKind
{
    public static readonly NodeKindDescriptor Descriptor = new()
    {
        Kind = NodeKinds.Start,
        DisplayName = "Start",
        Group = "Flow",
        Icon = "play",
        Description = "Entry point of the workflow; validates the run input against a schema.",
        InputPorts = None,
        OutputPorts = [new("next", "Next")],
        ConfigType = typeof(StartConfig),
        Fields = [Field("inputSchema", ConfigFieldTypes.Object, "JSON Schema (subset) the run input must satisfy.")],
    };
}
