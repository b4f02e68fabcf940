using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Rollouts;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// Issue 14 item 6: run start (API, webhook) and cancel are audit entries written with the change, with the user or
/// the API key as actor and no input values; the chain still verifies.
/// </summary>
public abstract class Issue14RunAuditTests(Issue13RolloutFixture fixture)
{
    protected abstract void EnsureProvider();

    [Fact]
    public async Task StartAndCancel_Issue14_ApiWebhookAndCancelEachOneEntryWithTheirActorAndChainVerifies()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var approver = await fixture.ClientAsync("approver");
        var id = await fixture.CreateTwoVersionsAsync("Issue14 run audit", approveV2: false);
        var key = await CreateKeyAsync(operatorClient, id);

        // Act: an API start that parks at the gate and is cancelled, and a webhook start.
        var apiRun = await RunApiTests.StartAsync(operatorClient, id, RunApiFixture.Input(6000));
        await RunApiTests.WaitForStatusAsync(operatorClient, apiRun, "waitingForHuman");
        var cancelled = await operatorClient.PostJsonAsync($"/api/runs/{apiRun}/cancel");
        var cancelledAgain = await operatorClient.PostJsonAsync($"/api/runs/{apiRun}/cancel");
        var hook = await DeliverAsync(id, key["key"]!.GetValue<string>(), RunApiFixture.Input(10));
        var hookRun = (await hook.ReadObjectAsync())["runId"]!.GetValue<Guid>();
        var apiEntries = await EntriesAsync(approver, apiRun);
        var hookEntries = await EntriesAsync(approver, hookRun);
        var verification = await (await approver.GetAsync("/api/audit/verify")).ReadObjectAsync();

        // Assert
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, cancelledAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, hook.StatusCode);
        var started = Assert.Single(apiEntries, e => e["action"]!.GetValue<string>() == "run.started");
        Assert.Equal("operator@demo.local", started["actorName"]!.GetValue<string>());
        Assert.Contains("\"trigger\":\"api\"", started["dataJson"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Maple", started["dataJson"]!.GetValue<string>(), StringComparison.Ordinal);
        var cancel = Assert.Single(apiEntries, e => e["action"]!.GetValue<string>() == "run.cancelled");
        Assert.Equal("operator@demo.local", cancel["actorName"]!.GetValue<string>());
        var hookStarted = Assert.Single(hookEntries, e => e["action"]!.GetValue<string>() == "run.started");
        Assert.Equal($"api-key:{key["id"]!.GetValue<Guid>():D}", hookStarted["actorId"]!.GetValue<string>());
        Assert.Contains("\"trigger\":\"webhook\"", hookStarted["dataJson"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(verification["isValid"]!.GetValue<bool>(), verification.ToJsonString());
    }

    private static async Task<List<JsonObject>> EntriesAsync(HttpClient auditor, Guid runId) =>
        [.. (await (await auditor.GetAsync($"/api/audit?entityId={runId:D}")).ReadObjectAsync())["items"]!.AsArray().Select(e => e!.AsObject())];

    private static async Task<JsonObject> CreateKeyAsync(HttpClient client, Guid workflowId)
    {
        var response = await client.PostAsync($"/api/workflows/{workflowId}/api-keys",
            ApiClientExtensions.Json(new JsonObject { ["name"] = "crm", ["signed"] = false }.ToJsonString()));
        var json = await response.ReadObjectAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToJsonString());
        return json;
    }

    private async Task<HttpResponseMessage> DeliverAsync(Guid workflowId, string key, JsonObject input)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/hooks/{workflowId}") { Content = ApiClientExtensions.Json(input.ToJsonString()) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var client = fixture.Factory.CreateClient();
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await response.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return response;
    }
}
