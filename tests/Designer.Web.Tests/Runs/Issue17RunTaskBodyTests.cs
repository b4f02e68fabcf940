using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// Issue 17: the run start and the task decision read their bodies into records (RunStartRequest,
/// TaskDecisionRequest) and answer typed results: a wrongly typed body lists every problem with its field and changes
/// nothing, and the answers keep their JSON shape.
/// </summary>
public abstract class Issue17RunTaskBodyTests(RunApiFixture fixture)
{
    protected abstract void EnsureProvider();

    [Fact]
    public async Task StartRun_Issue17_WronglyTypedBody_ListsEveryProblemAndStartsNothing()
    {
        // Arrange
        EnsureProvider();
        var client = await fixture.ClientAsync("operator");
        var before = await CountAsync(client);
        var body = """{"input":"not an object","runKey":5,"version":"2"}""";

        // Act
        var response = await client.PostAsync($"/api/workflows/{fixture.GateWorkflowId}/runs", ApiClientExtensions.Json(body));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("The run start is invalid; nothing was started.", problem["detail"]!.GetValue<string>());
        var errors = problem["errors"]!.AsArray();
        Assert.Equal(new[] { "input", "runKey", "version" }, errors.Select(e => e!["field"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e!["message"]!.GetValue<string>() == "'input' must be a JSON object.");
        Assert.Contains(errors, e => e!["message"]!.GetValue<string>() == "runKey must be a string of 1 to 200 characters.");
        Assert.Contains(errors, e => e!["message"]!.GetValue<string>() == "version must be a whole number of at least 1.");
        Assert.Equal(before, await CountAsync(client));
    }

    [Fact]
    public async Task StartRun_Issue17_OnlyInputWrong_KeepsItsDetail()
    {
        // Arrange
        EnsureProvider();
        var client = await fixture.ClientAsync("operator");

        // Act
        var response = await client.PostAsync($"/api/workflows/{fixture.GateWorkflowId}/runs", ApiClientExtensions.Json("""{"input":[1]}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("'input' must be a JSON object.", problem["detail"]!.GetValue<string>());
        Assert.Equal("input", Assert.Single(problem["errors"]!.AsArray())!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartRun_Issue17_ProblemJsonBodyAndEmptyBody_AcceptedWithRunIdOnly()
    {
        // Arrange: a +json media type passes the API's JSON guard, so the declared Accepts must not refuse it either.
        EnsureProvider();
        var client = await fixture.ClientAsync("operator");
        using var plusJson = new StringContent(new JsonObject { ["input"] = RunApiFixture.Input(3) }.ToJsonString(), Encoding.UTF8, "application/problem+json");

        // Act
        var typed = await client.PostAsync($"/api/workflows/{fixture.GateWorkflowId}/runs", plusJson);
        var empty = await client.PostAsync($"/api/workflows/{fixture.GateWorkflowId}/runs", null);

        // Assert: 202 {"runId"} as before; an empty body is an empty start, whatever the run service then says of {}.
        Assert.Equal(HttpStatusCode.Accepted, typed.StatusCode);
        var accepted = await typed.ReadObjectAsync();
        Assert.Equal(new[] { "runId" }, accepted.Select(p => p.Key));
        Assert.Equal($"/api/runs/{accepted["runId"]}", typed.Headers.Location?.OriginalString);
        Assert.NotEqual(HttpStatusCode.UnsupportedMediaType, empty.StatusCode);
        Assert.NotEqual(HttpStatusCode.BadRequest, empty.StatusCode);
    }

    [Fact]
    public async Task Decide_Issue17_WronglyTypedBody_ListsEveryProblemAndDecidesNothing()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var approver = await fixture.ClientAsync("approver");
        var runId = await RunApiTests.StartAsync(operatorClient, fixture.GateWorkflowId, RunApiFixture.Input(6200));
        await RunApiTests.WaitForStatusAsync(approver, runId, "waitingForHuman");
        var taskId = (await RunApiTests.PendingTaskAsync(approver, runId))["id"]!.GetValue<Guid>();
        var body = new JsonObject { ["decision"] = 5, ["comment"] = new string('c', 4001), ["edits"] = "refund", ["correction"] = " " };

        // Act
        var response = await approver.PostAsync($"/api/tasks/{taskId}/decision", ApiClientExtensions.Json(body.ToJsonString()));

        // Assert: the old detail sentences, now also one error per problem with its field; the task is still open.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        var detail = problem["detail"]!.GetValue<string>();
        foreach (var sentence in new[]
        {
            "'decision' must be a string.", "'decision' is required.", "'comment' is longer than 4,000 characters.",
            "'edits' must be a JSON object.", "'correction' must not be blank or longer than 20,000 characters.",
        })
        {
            Assert.Contains(sentence, detail, StringComparison.Ordinal);
        }

        Assert.Equal(new[] { "comment", "correction", "decision", "decision", "edits" },
            problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var task = await (await approver.GetAsync($"/api/tasks/{taskId}")).ReadObjectAsync();
        Assert.Equal("pending", task["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/tasks/{taskId}/decision", new { decision = "approve" })).StatusCode);
    }

    [Fact]
    public async Task ListsAndCancel_Issue17_KeepTheirJsonShape()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var runId = await RunApiTests.StartAsync(operatorClient, fixture.GateWorkflowId, RunApiFixture.Input(6300));
        await RunApiTests.WaitForStatusAsync(operatorClient, runId, "waitingForHuman");

        // Act
        var runs = await (await operatorClient.GetAsync($"/api/runs?workflowId={fixture.GateWorkflowId}&pageSize=5")).ReadObjectAsync();
        var tasks = await (await operatorClient.GetAsync($"/api/tasks?runId={runId}")).ReadObjectAsync();
        var cancelled = await (await operatorClient.PostJsonAsync($"/api/runs/{runId}/cancel")).ReadObjectAsync();

        // Assert
        Assert.Equal(new[] { "items", "page", "pageSize", "total" }, runs.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(5, runs["pageSize"]!.GetValue<int>());
        Assert.Equal(new[] { "items", "page", "pageSize", "total" }, tasks.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(runId, Assert.Single(tasks["items"]!.AsArray())!["runId"]!.GetValue<Guid>());
        Assert.Equal(runId, cancelled["runId"]!.GetValue<Guid>());
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Equal(2, cancelled.Count);
    }

    private static async Task<long> CountAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/runs?pageSize=1")).ReadObjectAsync())["total"]!.GetValue<long>();
}
