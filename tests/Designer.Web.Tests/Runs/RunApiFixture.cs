using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Web.Tests.Infrastructure;
using Designer.Workflows.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Runs;

/// <summary>One app per provider and test class, with a published gate workflow (no retrieval or model nodes).</summary>
public abstract class RunApiFixture : WebAppFixture
{
    public Guid GateWorkflowId { get; private set; }

    protected override async Task ConfigureAsync(DesignerWebFactory factory)
    {
        GateWorkflowId = await PublishAsync(GateWorkflow());
    }

    /// <summary>Creates, submits and approves a workflow; returns its id.</summary>
    public async Task<Guid> PublishAsync(WorkflowDefinition definition)
    {
        var author = await ClientAsync("author");
        var id = await author.CreateWorkflowAsync(definition.Name + " " + Guid.NewGuid().ToString("N")[..6], definition);
        var submitted = await author.PostJsonAsync($"/api/workflows/{id}/versions");
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var approved = await (await ClientAsync("approver")).PostJsonAsync($"/api/workflows/{id}/versions/1/approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return id;
    }

    /// <summary>
    /// Publishes through the store, without the API's validation: for versions that could only exist from before a
    /// check was added (or whose references were removed outside the API).
    /// </summary>
    public async Task<Guid> PublishUncheckedAsync(WorkflowDefinition definition)
    {
        var store = Factory.Services.GetRequiredService<IWorkflowStore>();
        var ct = TestContext.Current.CancellationToken;
        var json = WorkflowJson.Serialize(definition);
        var author = new Actor("legacy-author", "Legacy Author");
        var created = await store.CreateWorkflowAsync(definition.Name + " " + Guid.NewGuid().ToString("N")[..6], null, json, author, ct);
        var draft = await store.GetDraftAsync(created.Workflow.Id, ct);
        var version = await store.SubmitVersionAsync(created.Workflow.Id, json, ContentHash.Compute(definition), draft!.ETag, author, null, ct);
        Assert.True(version.IsSuccess, version.Error?.Detail);
        var approved = await store.ApproveVersionAsync(created.Workflow.Id, version.Value.Number, new Actor("legacy-approver", "Legacy Approver"), null, ct);
        Assert.True(approved.IsSuccess, approved.Error?.Detail);
        return created.Workflow.Id;
    }

    /// <summary>The demo's policy → analyst gate → end, without the retrieval and model nodes.</summary>
    public static WorkflowDefinition GateWorkflow()
    {
        var definition = DemoWorkflows.DisputeTriage();
        definition.Name = "Gate only";
        definition.Nodes = [.. definition.Nodes.Where(n => n.Id is not ("similar" or "risk"))];
        var policy = definition.Nodes.Single(n => n.Id == "policy");
        var rules = policy.Config["rules"]!.AsArray();
        rules.Remove(rules.Single(r => r!["id"]!.GetValue<string>() == "high-risk"));

        // The draft step's prompt reads the removed nodes; a template may only read nodes upstream of it (issue 12).
        definition.Nodes.Single(n => n.Id == "draft").Config["promptTemplate"] = "Dispute: {{input.category}} claim of {{input.amount}} {{input.currency}}.";
        definition.Edges =
        [
            .. definition.Edges.Where(e => e.From.Node is not ("start" or "similar" or "risk")),
            new EdgeDefinition { Id = "e0", From = new PortRef("start", "next"), To = new PortRef("policy", NodeKinds.InputPort) },
        ];
        return definition;
    }

    public static JsonObject Input(double amount) => new()
    {
        ["amount"] = amount,
        ["currency"] = "EUR",
        ["category"] = "quality",
        ["merchant"] = "Maple Books",
        ["description"] = "The book arrived with a torn cover.",
    };
}
