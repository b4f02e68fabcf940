using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Evaluations;

/// <summary>
/// Issue 13 item 3 for models, on each provider: approving a model version shows the latest evaluation of every
/// published workflow version it would serve, and with RequireEvaluation is refused (audited) while one does not pass.
/// </summary>
public abstract class Issue13ModelApprovalGateApiTests(Issue13Fixture fixture)
{
    private const string Model = "dispute-risk";

    protected abstract void EnsureProvider();

    [Fact]
    public async Task ApproveModel_Issue13_RefusedWhileAFollowingVersionFailsItsBudgetThenApproved()
    {
        // Arrange: a published workflow version that follows the latest approved dispute-risk, evaluated on 4 cases.
        EnsureProvider();
        var author = await fixture.ClientAsync("author");
        var approver = await fixture.ClientAsync("approver");
        var definition = TestWorkflows.TriageWithoutRetrieval();
        definition.Nodes.Single(n => n.Id == "risk").Config.Remove("modelVersion");
        var name = "Issue13 model gate " + Guid.NewGuid().ToString("N")[..6];
        var id = await author.CreateWorkflowAsync(name, definition);
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        var datasetId = await Issue13EvaluationApiTests.CreateDatasetAsync(author, id, "issue13-model-gate", new JsonArray(
            Issue13Fixture.Case(42.5, "auto"), Issue13Fixture.Case(100, "auto"), Issue13Fixture.Case(300, "auto"), Issue13Fixture.Case(6000, "analyst")));
        await SetBudgetAsync(approver, id, """{"maxWrongAutomaticRate":1}""");
        var evaluation = await Issue13EvaluationApiTests.EvaluateAsync(author, id, new JsonObject { ["version"] = 1 }, null, datasetId);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
        var trained = await (await author.PostAsync($"/api/models/{Model}/train", null)).ReadObjectAsync();
        var version = trained["version"]!.GetValue<int>();

        // The budget tightens: the 6,000 case goes to an analyst, so v1's evaluation no longer meets it.
        await SetBudgetAsync(approver, id, """{"minAutomationRate":0.99}""");

        // Act 1
        var gate = await (await approver.GetAsync($"/api/models/{Model}/versions/{version}/evaluation-gate")).ReadObjectAsync();
        var refused = await approver.PostJsonAsync($"/api/models/{Model}/versions/{version}/approve");
        var problem = await refused.ReadObjectAsync();
        var audit = await (await approver.GetAsync($"/api/audit?entityId={Model}/v{version}")).ReadObjectAsync();

        // Assert 1: the workflow version is listed with its evaluation's numbers; the approval is refused naming it; audited.
        Assert.True(gate["required"]!.GetValue<bool>());
        Assert.False(gate["passed"]!.GetValue<bool>());
        var row = Assert.Single(gate["workflowVersions"]!.AsArray(), v => v!["workflowId"]!.GetValue<Guid>() == id)!;
        Assert.Equal(1, row["workflowVersion"]!.GetValue<int>());
        Assert.False(row["pinned"]!.GetValue<bool>());
        Assert.False(row["passed"]!.GetValue<bool>());
        Assert.Equal(evaluation["id"]!.GetValue<Guid>(), row["evaluationId"]!.GetValue<Guid>());
        Assert.Equal(4, row["metrics"]!["candidate"]!["cases"]!.GetValue<int>());
        Assert.Contains(row["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("Automation", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"'{name}' v1", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(evaluation["id"]!.GetValue<string>(), problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(audit["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "model.approval-refused");
        var pending = (await (await approver.GetAsync($"/api/models/{Model}")).ReadObjectAsync())["versions"]!.AsArray()
            .Single(v => v!["version"]!.GetValue<int>() == version)!;
        Assert.Equal("PendingApproval", pending["status"]!.GetValue<string>());

        // Act 2: the budget is met again.
        await SetBudgetAsync(approver, id, """{"maxWrongAutomaticRate":1}""");
        var passing = await (await approver.GetAsync($"/api/models/{Model}/versions/{version}/evaluation-gate")).ReadObjectAsync();
        var approved = await approver.PostJsonAsync($"/api/models/{Model}/versions/{version}/approve");

        // Assert 2
        Assert.True(passing["passed"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    [Fact]
    public async Task ModelGate_Issue13_UnknownVersionIs404()
    {
        // Arrange
        EnsureProvider();
        var viewer = await fixture.ClientAsync("viewer");

        // Act
        var response = await viewer.GetAsync($"/api/models/{Model}/versions/9999/evaluation-gate");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task SetBudgetAsync(HttpClient approver, Guid id, string json)
    {
        var response = await approver.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/workflows/{id}/budget") { Content = ApiClientExtensions.Json(json) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
