using Designer.Workflows.Catalogue;

namespace Designer.Web.Tests.Infrastructure;

/// <summary>Definitions shared by tests that need a realistic workflow but not the demo corpus.</summary>
public static class TestWorkflows
{
    /// <summary>
    /// The demo's dispute triage without its retrieval node (start → risk → policy → …). Apps in these tests do not
    /// seed the <c>past-disputes</c> collection (it needs a trained embedding model), and since issue 17 a version
    /// naming a missing collection cannot be submitted; governance and lifecycle tests do not need retrieval.
    /// </summary>
    public static WorkflowDefinition TriageWithoutRetrieval()
    {
        var definition = DemoWorkflows.DisputeTriage();
        definition.Nodes = [.. definition.Nodes.Where(n => n.Id != "similar")];
        var risk = definition.Nodes.Single(n => n.Id == "risk");
        risk.Config["inputMapping"]!["similarDisputes"] = "0";
        var draft = definition.Nodes.Single(n => n.Id == "draft");
        draft.Config["promptTemplate"] = draft.Config["promptTemplate"]!.GetValue<string>()
            .Replace("{{nodes.similar ? nodes.similar.hits : 'none'}}", "none", StringComparison.Ordinal);
        definition.Edges =
        [
            .. definition.Edges.Where(e => e.From.Node != "start" && e.From.Node != "similar"),
            new EdgeDefinition { Id = "e1", From = new PortRef("start", "next"), To = new PortRef("risk", NodeKinds.InputPort) },
        ];
        return definition;
    }
}
