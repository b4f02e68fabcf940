using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;

namespace Designer.Web.Tests.Actions;

/// <summary>
/// The issue-16 test workflow: start → a POST refund action on <c>refunds/{caseId}</c> through a named connection
/// (the receiver's <c>id</c> mapped to <c>refundId</c>) → <c>done</c>, every failure port → <c>failed</c>.
/// </summary>
internal static class RefundWorkflow
{
    public static WorkflowDefinition Create(string name, string connection, string bodyTemplate) => new()
    {
        Name = name,
        Nodes =
        [
            Node("start", NodeKinds.Start, []),
            Node("refund", NodeKinds.Action, new JsonObject
            {
                ["method"] = "POST",
                ["connection"] = connection,
                ["pathTemplate"] = "refunds/{{input.caseId}}",
                ["bodyTemplate"] = bodyTemplate,
                ["responseMapping"] = new JsonObject { ["refundId"] = "response.body.id" },
            }),
            Node("done", NodeKinds.End, new JsonObject { ["outputMapping"] = new JsonObject { ["refundId"] = "nodes.refund.mapped.refundId" } }),
            Node("failed", NodeKinds.End, []),
        ],
        Edges =
        [
            Edge("e1", "start", "next", "refund"),
            Edge("e2", "refund", "ok", "done"),
            Edge("e3", "refund", "client-error", "failed"),
            Edge("e4", "refund", "server-error", "failed"),
            Edge("e5", "refund", "timeout", "failed"),
        ],
    };

    private static NodeDefinition Node(string id, string kind, JsonObject config) =>
        new() { Id = id, Kind = kind, Name = id, Position = new NodePosition(0, 0), Config = config };

    private static EdgeDefinition Edge(string id, string from, string port, string to) =>
        new() { Id = id, From = new PortRef(from, port), To = new PortRef(to, NodeKinds.InputPort) };
}
