using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Definitions;
using Designer.Workflows.Serialization;

namespace Designer.Workflows.Demo;

/// <summary>Ready-made workflows for the demo, the docs and tests; each one validates without problems.</summary>
public static class DemoWorkflows
{
    /// <summary>
    /// Card-dispute triage: retrieve similar past disputes, score risk, apply the triage policy, and send
    /// risky, low-confidence or degraded cases to an analyst, with a chat model's draft resolution. Without a chat
    /// model configured the draft step follows <c>degraded</c> ("no chat model configured") and review still happens.
    /// </summary>
    /// <returns>A fresh, valid definition named "Dispute triage".</returns>
    public static WorkflowDefinition DisputeTriage() => new()
    {
        Name = "Dispute triage",
        Description = "Scores incoming card disputes, auto-resolves low-risk ones and routes the rest to an analyst.",
        Nodes =
        [
            Node("start", NodeKinds.Start, "Dispute received", 40, 200, DisputeTriageConfigs.Start()),
            Node("similar", NodeKinds.Retrieval, "Similar past disputes", 260, 200, DisputeTriageConfigs.Retrieval()),
            Node("risk", NodeKinds.Model, "Risk score", 480, 200, DisputeTriageConfigs.Model()),
            Node("policy", NodeKinds.Policy, "Triage policy", 700, 200, DisputeTriageConfigs.Policy()),
            Node("draft", NodeKinds.Model, "Draft resolution", 920, 520, DisputeTriageConfigs.DraftResolution()),
            Node("review", NodeKinds.HumanGate, "Analyst review", 920, 360, DisputeTriageConfigs.HumanGate()),
            Node("auto", NodeKinds.End, "Auto-resolved", 1140, 80, []),
            Node("blocked", NodeKinds.End, "Blocked", 1140, 200, []),
            Node("analyst", NodeKinds.End, "Resolved by analyst", 1140, 360, DisputeTriageConfigs.AnalystEnd()),
        ],
        Edges =
        [
            Edge("e1", "start", "next", "similar"),
            Edge("e2", "similar", "found", "risk"),
            Edge("e3", "similar", "empty", "risk"),
            Edge("e4", "risk", "ok", "policy"),
            Edge("e5", "risk", "low-confidence", "draft"),
            Edge("e6", "risk", "degraded", "draft"),
            Edge("e7", "risk", "error", "draft"),
            Edge("e8", "policy", "pass", "auto"),
            Edge("e9", "policy", "review", "draft"),
            Edge("e10", "policy", "block", "blocked"),
            Edge("e11", "review", "approved", "analyst"),
            Edge("e12", "review", "rejected", "analyst"),
            Edge("e13", "review", "timeout", "analyst"),

            // Every outcome of the draft reaches the analyst; the draft is advice, never the decision.
            Edge("e14", "draft", "ok", "review"),
            Edge("e15", "draft", "low-confidence", "review"),
            Edge("e16", "draft", "invalid", "review"),
            Edge("e17", "draft", "degraded", "review"),
            Edge("e18", "draft", "error", "review"),
        ],
    };

    /// <summary>The approved connection the demo's refund action calls (the app's own receiver in Development).</summary>
    public const string RefundConnection = "demo-refunds";

    /// <summary>
    /// <see cref="DisputeTriage()"/> whose auto-resolve branch first issues a refund through the
    /// <see cref="RefundConnection"/> connection (issue 16): <c>policy → refund → auto</c>, with the refund reversed by
    /// its compensation if the run later fails or is cancelled, and a refund that fails sent to the analyst with a draft.
    /// It validates only where that connection is configured, so the seeder uses it only there.
    /// </summary>
    /// <returns>A fresh definition named "Dispute triage".</returns>
    public static WorkflowDefinition DisputeTriageWithRefund()
    {
        var definition = DisputeTriage();
        definition.Nodes.Add(Node("refund", NodeKinds.Action, "Refund", 920, 80, DisputeTriageConfigs.Refund(RefundConnection)));
        var pass = definition.Edges.Single(e => e.Id == "e8");
        definition.Edges[definition.Edges.IndexOf(pass)] = Edge("e8", "policy", "pass", "refund");
        definition.Edges.Add(Edge("e19", "refund", "ok", "auto"));

        // A refund that did not go through is not an auto-resolution: an analyst decides, with a draft.
        definition.Edges.Add(Edge("e20", "refund", "client-error", "draft"));
        definition.Edges.Add(Edge("e21", "refund", "server-error", "draft"));
        definition.Edges.Add(Edge("e22", "refund", "timeout", "draft"));
        return definition;
    }

    /// <summary>
    /// The stricter demo version's <c>high-risk</c> threshold (v1: 0.7), chosen on generator records 6,001–7,000, a
    /// validation slice disjoint from the training corpus and the held-out set: the strictest threshold that keeps
    /// automation at or above 50 % there, now that the demo passes the merchant's dispute rate (docs/benchmarks.md, issue 13).
    /// </summary>
    public const double StricterRiskThreshold = 0.16;

    /// <summary>
    /// The seeded demo's v2: <paramref name="definition"/> (the demo, with or without the refund) with the triage
    /// policy's <c>high-risk</c> rule at <see cref="StricterRiskThreshold"/>; nothing else changes, so an evaluation
    /// against v1 measures that one decision.
    /// </summary>
    /// <param name="definition">The demo definition; changed in place and returned.</param>
    public static WorkflowDefinition WithStricterPolicy(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.Nodes.Single(n => n.Id == "policy").Config = DisputeTriageConfigs.Policy(StricterRiskThreshold);
        return definition;
    }

    /// <summary>The dispute triage workflow in the wire format, indented.</summary>
    /// <returns>JSON text accepted by <see cref="WorkflowJson.Parse"/>.</returns>
    public static string DisputeTriageJson() => WorkflowJson.Serialize(DisputeTriage(), indented: true);

    private static NodeDefinition Node(string id, string kind, string name, double x, double y, JsonObject config) =>
        new() { Id = id, Kind = kind, Name = name, Position = new NodePosition(x, y), Config = config };

    private static EdgeDefinition Edge(string id, string fromNode, string fromPort, string toNode) =>
        new() { Id = id, From = new PortRef(fromNode, fromPort), To = new PortRef(toNode, NodeKinds.InputPort) };
}
