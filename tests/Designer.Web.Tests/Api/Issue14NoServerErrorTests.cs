using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;

namespace Designer.Web.Tests.Api;

/// <summary>
/// Issue 14 item 5: what a user can type never answers 500, on SQLite and on PostgreSQL (which refuses NUL in text
/// and enforces column lengths that SQLite ignores), across the newer endpoints: models, collections, tasks, runs.
/// </summary>
public abstract class Issue14NoServerErrorTests(RunApiFixture fixture)
{
    private const string Nul = "a\u0000b";
    private static readonly string Long = new('n', 100_000);

    protected abstract void EnsureProvider();

    public static TheoryData<string, string, string?> Requests()
    {
        var data = new TheoryData<string, string, string?>();
        // Invalid model ids: the registry throws on ids it cannot hold.
        // (A NUL in the path never reaches the app: Kestrel answers 400 and the test server refuses to send it.)
        foreach (var id in new[] { "Dispute-Risk", "bad_id", "x%2Fy", new string('m', 200) })
        {
            data.Add("POST", $"/api/models/{id}/versions/1/approve", null);
            data.Add("POST", $"/api/models/{id}/versions/1/reject", """{"comment":"no"}""");
            data.Add("GET", $"/api/models/{id}", null);
            data.Add("POST", $"/api/models/{id}/train", null);
        }

        // page × pageSize overflow on every paged list.
        foreach (var list in new[] { "/api/workflows", "/api/workflows/{wf}/versions", "/api/audit", "/api/runs", "/api/tasks" })
        {
            data.Add("GET", $"{list}?page={int.MaxValue}&pageSize=200", null);
            data.Add("GET", $"{list}?page=10737419&pageSize=200", null);
        }

        // NUL characters in text.
        data.Add("POST", "/api/workflows", Json(new JsonObject { ["name"] = Nul }));
        data.Add("POST", "/api/collections", Json(new JsonObject { ["name"] = "c-nul", ["description"] = Nul }));
        data.Add("POST", "/api/workflows/{wf}/runs", Json(new JsonObject { ["input"] = new JsonObject { ["description"] = Nul } }));
        data.Add("POST", "/api/tasks/{task}/decision", Json(new JsonObject { ["decision"] = "approve", ["comment"] = Nul }));
        data.Add("POST", "/api/tasks/{task}/decision", Json(new JsonObject { ["decision"] = Nul }));
        data.Add("POST", "/api/workflows/{wf}/versions/1/reject", Json(new JsonObject { ["comment"] = Nul }));
        data.Add("GET", "/api/collections/none/search?q=a%00b", null);
        data.Add("GET", "/api/runs?status=a%00b", null);

        // Values longer than their columns.
        data.Add("POST", "/api/workflows", Json(new JsonObject { ["name"] = Long }));
        data.Add("POST", "/api/collections", Json(new JsonObject { ["name"] = Long }));
        data.Add("POST", "/api/collections", Json(new JsonObject { ["name"] = "c-long", ["description"] = Long }));
        data.Add("POST", "/api/tasks/{task}/decision", Json(new JsonObject { ["decision"] = Long }));
        data.Add("POST", "/api/tasks/{task}/decision", Json(new JsonObject { ["decision"] = "approve", ["comment"] = Long }));
        data.Add("POST", "/api/workflows/{wf}/runs", Json(new JsonObject { ["input"] = new JsonObject { ["description"] = Long } }));

        // Huge query strings.
        data.Add("GET", "/api/runs?status=" + Long, null);
        data.Add("GET", "/api/collections/none/search?q=" + Long, null);
        data.Add("GET", "/api/workflows?search=" + Long, null);
        return data;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Request_Issue14_HostileValue_NeverServerError(string method, string path, string? body)
    {
        // Arrange
        EnsureProvider();
        var client = await fixture.ClientAsync(method == "GET" || path.Contains("/versions/", StringComparison.Ordinal) || path.Contains("/tasks/", StringComparison.Ordinal)
            ? "approver"
            : path.Contains("/runs", StringComparison.Ordinal) ? "operator" : "author");
        var url = path.Replace("{wf}", fixture.GateWorkflowId.ToString(), StringComparison.Ordinal);
        if (url.Contains("{task}", StringComparison.Ordinal))
        {
            url = url.Replace("{task}", (await PendingTaskIdAsync()).ToString(), StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = ApiClientExtensions.Json(body);
        }

        // Act
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.True((int)response.StatusCode < 500, $"{method} {Preview(url)}: {(int)response.StatusCode} {Preview(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))}");
        if ((int)response.StatusCode >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ApproveModel_Issue14_UnknownInvalidId_Returns404()
    {
        EnsureProvider();
        var approver = await fixture.ClientAsync("approver");

        var response = await approver.PostAsync("/api/models/Not_A_Model/versions/1/approve", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Json(JsonObject value) => value.ToJsonString();

    private static string Preview(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>A fresh pending gate task, so decisions hit the task table rather than a 404.</summary>
    private async Task<Guid> PendingTaskIdAsync()
    {
        var operatorClient = await fixture.ClientAsync("operator");
        var approver = await fixture.ClientAsync("approver");
        var runId = await RunApiTests.StartAsync(operatorClient, fixture.GateWorkflowId, RunApiFixture.Input(6000));
        await RunApiTests.WaitForStatusAsync(approver, runId, "waitingForHuman");
        return (await RunApiTests.PendingTaskAsync(approver, runId))["id"]!.GetValue<Guid>();
    }
}
