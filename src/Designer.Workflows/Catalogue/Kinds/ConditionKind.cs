using Designer.Workflows.Catalogue.Configs;
using static Designer.Workflows.Catalogue.Kinds.Ports;

namespace Designer.Workflows.Catalogue.Kinds;

internal static class ConditionKind
{
    public static readonly NodeKindDescriptor Descriptor = new()
    {
        Kind = NodeKinds.Condition,
        DisplayName = "Condition",
        Group = "Flow",
        Icon = "git-branch",
        Description = "Routes on a boolean expression (true/else) or on switch cases (one port per case + else).",
        InputPorts = In,
        OutputPorts = [new(ConditionConfig.TruePort, "True"), new(ConditionConfig.ElsePort, "Else")],
        HasDynamicOutputPorts = true,
        ConfigType = typeof(ConditionConfig),
        Fields =
        [
            Field("expression", ConfigFieldTypes.Expression, "Boolean expression (ports true/else)."),
            Field("cases", ConfigFieldTypes.Array, "Switch cases {port, expression}; use instead of expression."),
        ],
    };
}
