using Designer.Workflows.Catalogue.Configs;
using static Designer.Workflows.Catalogue.Kinds.Ports;

namespace Designer.Workflows.Catalogue.Kinds;

internal static class PolicyKind
{
    public static readonly NodeKindDescriptor Descriptor = new()
    {
        Kind = NodeKinds.Policy,
        DisplayName = "Policy check",
        Group = "Governance",
        Icon = "shield",
        Description = "Evaluates ordered rules, allow/deny lists and PII redaction into a verdict.",
        InputPorts = In,
        OutputPorts = [new("pass", "Pass"), new("review", "Review"), new("block", "Block")],
        ConfigType = typeof(PolicyConfig),
        Fields =
        [
            Field("rules", ConfigFieldTypes.Array, "Ordered rules {id, name, expression, verdict}.", required: true),
            Field("allowList", ConfigFieldTypes.Array, "Values of listField that always pass."),
            Field("denyList", ConfigFieldTypes.Array, "Values of listField that always block."),
            Field("listField", ConfigFieldTypes.String, "Run variable checked against the lists."),
            new("redactPii", ConfigFieldTypes.Boolean, false, "Redact detected PII in the trace.", false),
            Field("redactFields", ConfigFieldTypes.Array, "Run variables always redacted."),
        ],
    };
}
