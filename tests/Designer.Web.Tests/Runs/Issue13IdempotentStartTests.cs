using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// Issue 13: a REST run start with an <c>Idempotency-Key</c> starts one run per key — a retried or concurrent
/// request gets the first run, the same key with another body is refused, an unknown workflow is a 404 (not a 500).
/// </summary>
public abstract class Issue13IdempotentStartTests(RunApiFixture fixture)
{
    protected abstract void EnsureProvider();

    [Fact]
    public async Task StartRun_Issue13_SameKeyTwice_SecondGetsFirstRunAndNothingNewStarts()
    {
        // Arrange
        EnsureProvider();
        var client = await fixture.ClientAsync("operator");
        var key = "start-" + Guid.NewGuid().ToString("N");
        var body = new JsonObject { ["input"] = RunApiFixture.Input(42.5) }.ToJsonString();

        // Act
        var first = await StartAsync(client, fixture.GateWorkflowId, key, body);
        var before = await CountAsync(client);
        var again = await StartAsync(client, fixture.GateWorkflowId, key, body);
        var after = await CountAsync(client);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal((await first.ReadObjectAsync())["runId"]!.GetValue<Guid>(), (await again.ReadObjectAsync())["runId"]!.GetValue<Guid>());
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task StartRun_Issue13_TenConcurrentWithOneKey_OneRunEveryAnswerNamesIt()
    {
        // Arrange
        EnsureProvider();
        var client = await fixture.ClientAsync("operator");
        var key = "burst-" + Guid.NewGuid().ToString("N");
        var body = new JsonObject { ["input"] = RunApiFixture.Input(42.5) }.ToJsonString();
        var before = await CountAsync(client);

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => StartAsync(client, fixture.GateWorkflowId, key, body)));
        var after = await CountAsync(client);

        // Assert: accepted answers all name one run; the others were told the first start was still in progress.
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Accepted, HttpStatusCode.Conflict }));
        var ids = new HashSet<Guid>();
        foreach (var accepted in responses.Where(r => r.StatusCode == HttpStatusCode.Accepted))
        {
            ids.Add((await accepted.ReadObjectAsync())["runId"]!.GetValue<Guid>());
        }

        Assert.Single(ids);
        Assert.Equal(before + 1, after);
    }

    [Fact]
    public async Task StartRun_Issue13_SameKeyOtherBody_422AndNoRun()
    {
        // Arrange
        EnsureProvider();
        var client = await fixture.ClientAsync("operator");
        var key = "changed-" + Guid.NewGuid().ToString("N");
        await StartAsync(client, fixture.GateWorkflowId, key, new JsonObject { ["input"] = RunApiFixture.Input(10) }.ToJsonString());
        var before = await CountAsync(client);

        // Act
        var changed = await StartAsync(client, fixture.GateWorkflowId, key, new JsonObject { ["input"] = RunApiFixture.Input(11) }.ToJsonString());

        // Assert
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Contains("Idempotency-Key", (await changed.ReadObjectAsync())["errors"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task StartRun_Issue13_KeyForUnknownWorkflow_404()
    {
        // Arrange
        EnsureProvider();
        var client = await fixture.ClientAsync("operator");

        // Act
        var response = await StartAsync(client, Guid.NewGuid(), "k-" + Guid.NewGuid().ToString("N"), """{"input":{}}""");

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task StartRun_Issue13_KeyTooLong_400NamesTheHeader()
    {
        // Arrange
        EnsureProvider();
        var client = await fixture.ClientAsync("operator");

        // Act
        var response = await StartAsync(client, fixture.GateWorkflowId, new string('k', 201), """{"input":{}}""");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> StartAsync(HttpClient client, Guid workflowId, string key, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workflows/{workflowId}/runs") { Content = ApiClientExtensions.Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<long> CountAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/runs?pageSize=1")).ReadObjectAsync())["total"]!.GetValue<long>();
}
