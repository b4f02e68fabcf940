using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Definitions;

namespace Designer.Runtime.Benchmarks;

/// <summary>start → condition → end: the smallest workflow that routes, used by both measurements.</summary>
internal static class ThreeNodeWorkflow
{
    public static WorkflowDefinition Create() => new()
    {
        Name = "Bench start-condition-end",
        Nodes =
        [
            Node("start", NodeKinds.Start, new JsonObject()),
            Node("check", NodeKinds.Condition, new JsonObject { ["expression"] = "input.amount > 100" }),
            Node("done", NodeKinds.End, new JsonObject { ["outputMapping"] = new JsonObject { ["amount"] = "input.amount" } }),
        ],
        Edges =
        [
            Edge("e1", "start", "next", "check"),
            Edge("e2", "check", ConditionConfig.TruePort, "done"),
            Edge("e3", "check", ConditionConfig.ElsePort, "done"),
        ],
    };

    public static JsonObject Input(int i) => new() { ["amount"] = i % 200 };

    internal static NodeDefinition Node(string id, string kind, JsonObject config) =>
        new() { Id = id, Kind = kind, Name = id, Position = new NodePosition(0, 0), Config = config };

    internal static EdgeDefinition Edge(string id, string from, string port, string to) =>
        new() { Id = id, From = new PortRef(from, port), To = new PortRef(to, NodeKinds.InputPort) };
}
