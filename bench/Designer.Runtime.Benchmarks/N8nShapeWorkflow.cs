using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;

namespace Designer.Runtime.Benchmarks;

/// <summary>
/// The shape of n8n's bench workflow in <c>../shared/bench/n8n/bench-workflow.json</c> (Webhook → Set → IF → two
/// Respond nodes): start → condition (<c>input.amount &gt; 5000</c>) → an end per branch whose output is
/// <c>{ id, amount, risk, decision }</c>, the same body n8n's respond nodes send.
/// </summary>
internal static class N8nShapeWorkflow
{
    public static WorkflowDefinition Create() => new()
    {
        Name = "Bench n8n shape",
        Nodes =
        [
            ThreeNodeWorkflow.Node("start", NodeKinds.Start, new JsonObject()),
            ThreeNodeWorkflow.Node("risk", NodeKinds.Condition, new JsonObject { ["expression"] = "input.amount > 5000" }),
            ThreeNodeWorkflow.Node("review", NodeKinds.End, Output("review")),
            ThreeNodeWorkflow.Node("approve", NodeKinds.End, Output("approve")),
        ],
        Edges =
        [
            ThreeNodeWorkflow.Edge("e1", "start", "next", "risk"),
            ThreeNodeWorkflow.Edge("e2", "risk", ConditionConfig.TruePort, "review"),
            ThreeNodeWorkflow.Edge("e3", "risk", ConditionConfig.ElsePort, "approve"),
        ],
    };

    private static JsonObject Output(string decision) => new()
    {
        ["outputMapping"] = new JsonObject
        {
            ["id"] = "input.id",
            ["amount"] = "input.amount",
            ["risk"] = "input.amount > 5000",
            ["decision"] = $"'{decision}'",
        },
    };
}
