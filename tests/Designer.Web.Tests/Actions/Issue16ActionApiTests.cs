using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Actions;

/// <summary>
/// Issue 16: the approved connections over the API (never a secret), design-time refusal of an unknown connection,
/// and a published workflow with an action node run by the real engine against a real receiver.
/// </summary>
public sealed class Issue16ActionApiTests(Issue16ActionFixture fixture) : IClassFixture<Issue16ActionFixture>
{
    [Fact]
    public async Task ListConnections_Issue16_ReturnsNamesAndBaseUrlsNeverSecrets()
    {
        // Arrange
        var client = await fixture.Api.ClientAsync("viewer");

        // Act
        var response = await client.GetAsync("/api/action-connections", TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var connection = Assert.Single(JsonNode.Parse(text)!.AsArray())!;
        Assert.Equal("payments", connection["name"]!.GetValue<string>());
        Assert.Equal(fixture.ReceiverAddress + "/api/", connection["baseUrl"]!.GetValue<string>());
        Assert.DoesNotContain(Issue16ActionFixture.Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitVersion_Issue16_UnknownConnection_ProblemListsIt()
    {
        // Arrange
        var author = await fixture.Api.ClientAsync("author");
        var id = await author.CreateWorkflowAsync("Unknown connection " + Guid.NewGuid().ToString("N")[..6], Workflow("ledger"));

        // Act
        var response = await author.PostJsonAsync($"/api/workflows/{id}/versions");

        // Assert
        Assert.False(response.IsSuccessStatusCode, $"submitted with status {response.StatusCode}");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Action connection 'ledger' is not configured", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_Issue16_PublishedActionWorkflow_CallsReceiverWithSecretAndKeyNeverTracesSecret()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var id = await fixture.Api.PublishAsync(Workflow("payments"));
        var operatorClient = await fixture.Api.ClientAsync("operator");

        // Act
        var response = await operatorClient.PostJsonAsync($"/api/workflows/{id}/runs?wait=PT30S", new { input = new { caseId = "C-7" } });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.ReadObjectAsync();
        Assert.True(run["status"]!.GetValue<string>() == "completed", run.ToJsonString());
        Assert.Equal("done", run["endNode"]!.GetValue<string>());
        Assert.Equal("rf-1", run["output"]!["refundId"]!.GetValue<string>());
        var runId = run["id"]!.GetValue<string>();
        Assert.Contains($"POST|/api/refunds/C-7|Bearer {Issue16ActionFixture.Secret}|{runId}:refund:1", fixture.Received);
        var trace = await (await operatorClient.GetAsync($"/api/runs/{runId}/trace", ct)).Content.ReadAsStringAsync(ct);
        Assert.Contains("refunds/C-7", trace, StringComparison.Ordinal);
        Assert.DoesNotContain(Issue16ActionFixture.Secret, trace, StringComparison.Ordinal);
    }

    private static WorkflowDefinition Workflow(string connection) =>
        RefundWorkflow.Create("Refund action", connection, """{"caseId":"{{input.caseId}}"}""");
}
