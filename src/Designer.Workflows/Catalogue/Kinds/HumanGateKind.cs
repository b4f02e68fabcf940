using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue.Configs;
using static Designer.Workflows.Catalogue.Kinds.Ports;

namespace Designer.Workflows.Catalogue.Kinds;

internal static class HumanGateKind
{
    public static readonly NodeKindDescriptor Descriptor = new()
    {
        Kind = NodeKinds.HumanGate,
        DisplayName = "Human gate",
        Group = "Governance",
        Icon = "user-check",
        Description = "Pauses the run until a person with the assignee role decides.",
        InputPorts = In,
        OutputPorts = [new("approved", "Approved"), new("rejected", "Rejected"), new("timeout", "Timeout")],
        ConfigType = typeof(HumanGateConfig),
        Fields =
        [
            new("assigneeRole", ConfigFieldTypes.String, false, "Role that receives the task.", "approver"),
            Field("instructions", ConfigFieldTypes.Template, "Instructions template for the assignee."),
            new("decisions", ConfigFieldTypes.Array, false, "Decision options.", new JsonArray("approve", "reject")),
            Field("editableFields", ConfigFieldTypes.Array, "Run variables the assignee may edit."),
            Field("slaMinutes", ConfigFieldTypes.Integer, "Minutes before the timeout action applies."),
            new("timeoutAction", ConfigFieldTypes.String, false, "timeout, approve or reject.", "timeout"),
        ],
    };
}
