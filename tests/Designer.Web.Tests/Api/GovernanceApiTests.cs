using System.Net;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Api;

/// <summary>Four-eyes approval, one decision per version, immutable versions, export and import.</summary>
public sealed class GovernanceApiTests(GovernanceApiTests.Fixture fixture) : IClassFixture<GovernanceApiTests.Fixture>
{
    [Fact]
    public async Task Approve_ByItsOwnAuthorHoldingApproverRole_Returns403()
    {
        // Arrange: one person with both roles.
        var both = await fixture.ClientForNewUserAsync("both@demo.local", "author", "approver");
        var id = await both.CreateWorkflowAsync("Self approval", TestWorkflows.TriageWithoutRetrieval());
        await both.PostJsonAsync($"/api/workflows/{id}/versions");

        // Act
        var response = await both.PostJsonAsync($"/api/workflows/{id}/versions/1/approve");
        var version = await (await both.GetAsync($"/api/workflows/{id}/versions/1")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("PendingApproval", version["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Approve_TwoApproversAtOnce_ExactlyOneWins()
    {
        // Arrange
        var author = await fixture.Factory.ClientForAsync("author");
        var first = await fixture.Factory.ClientForAsync("approver");
        var second = await fixture.ClientForNewUserAsync("approver2@demo.local", "approver");
        var id = await author.CreateWorkflowAsync("Race", TestWorkflows.TriageWithoutRetrieval());
        await author.PostJsonAsync($"/api/workflows/{id}/versions");

        // Act
        var responses = await Task.WhenAll(
            first.PostJsonAsync($"/api/workflows/{id}/versions/1/approve"),
            second.PostJsonAsync($"/api/workflows/{id}/versions/1/reject", new { comment = "no" }));

        // Assert
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Approve_AsViewer_ProblemDetailsNamesTheRole()
    {
        var author = await fixture.Factory.ClientForAsync("author");
        var viewer = await fixture.Factory.ClientForAsync("viewer");
        var id = await author.CreateWorkflowAsync("Viewer tries", TestWorkflows.TriageWithoutRetrieval());
        await author.PostJsonAsync($"/api/workflows/{id}/versions");

        var response = await viewer.PostJsonAsync($"/api/workflows/{id}/versions/1/approve");
        var problem = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("approver", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_EditOrDelete_NoSuchOperation()
    {
        var author = await fixture.Factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Immutable", TestWorkflows.TriageWithoutRetrieval());
        await author.PostJsonAsync($"/api/workflows/{id}/versions");

        var put = await author.PutAsync($"/api/workflows/{id}/versions/1", ApiClientExtensions.Json("{}"));
        var delete = await author.DeleteAsync($"/api/workflows/{id}/versions/1");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
    }

    [Fact]
    public async Task ExportElsa_ThenImport_SameCanonicalDefinition()
    {
        // Arrange
        var author = await fixture.Factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Round trip", TestWorkflows.TriageWithoutRetrieval());
        var submitted = await (await author.PostJsonAsync($"/api/workflows/{id}/versions")).ReadObjectAsync();

        // Act
        var elsa = await author.GetStringAsync($"/api/workflows/{id}/versions/1/export?format=elsa");
        var imported = await author.PostAsync("/api/workflows/import?format=elsa", ApiClientExtensions.Json(elsa));
        var newId = (await imported.ReadObjectAsync())["workflow"]!["id"]!.GetValue<Guid>();
        var resubmitted = await (await author.PostJsonAsync($"/api/workflows/{newId}/versions")).ReadObjectAsync();

        // Assert
        Assert.Contains("Elsa.Flowchart", elsa, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        Assert.Equal(submitted["contentHash"]!.GetValue<string>(), resubmitted["contentHash"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_ElsaWithUnknownActivity_ReportsItById()
    {
        var author = await fixture.Factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync("Has foreign", TestWorkflows.TriageWithoutRetrieval());
        await author.PostJsonAsync($"/api/workflows/{id}/versions");
        var elsa = System.Text.Json.Nodes.JsonNode.Parse(await author.GetStringAsync($"/api/workflows/{id}/versions/1/export?format=elsa"))!;
        elsa["root"]!["activities"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["id"] = "sendEmail1", ["type"] = "Elsa.SendEmail", ["version"] = 1 });

        var response = await author.PostAsync("/api/workflows/import?format=elsa", ApiClientExtensions.Json(elsa.ToJsonString()));
        var body = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains(body["warnings"]!.AsArray(), w => w!["nodeId"]?.GetValue<string>() == "sendEmail1");
    }

    [Fact]
    public async Task OpenApiSignedInAndHealthAnonymous_Available()
    {
        // Outside Development the API map needs a login (issue 14); health stays open for load balancers.
        var client = await fixture.Factory.ClientForAsync("viewer");
        var anonymous = fixture.Factory.CreateClient();

        var openApi = await client.GetStringAsync("/openapi/v1.json");
        var health = await anonymous.GetAsync("/health");

        Assert.Contains("/api/workflows/{id}/versions/{number}/approve", openApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public DesignerWebFactory Factory { get; } = new();

        public Task<HttpClient> ClientForNewUserAsync(string email, params string[] roles) => Factory.ClientForNewUserAsync(email, roles);

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
    }
}
