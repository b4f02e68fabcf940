using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// Issue 15 item 3: <c>POST /api/workflows/{id}/runs?wait=PT10S</c> (or <c>Prefer: wait=10</c>) answers 200 with the
/// finished run when it ends within the wait, else 202 as before; a run parked at a human gate answers at once.
/// </summary>
public sealed class Issue15SynchronousStartTests(SqliteRunApiFixture fixture) : IClassFixture<SqliteRunApiFixture>
{
    [Fact]
    public async Task StartRun_Issue15_WaitAndRunEndsInTime_Returns200WithFinishedRun()
    {
        // Arrange
        var client = await fixture.ClientAsync("operator");

        // Act
        var response = await client.PostJsonAsync($"/api/workflows/{fixture.GateWorkflowId}/runs?wait=PT30S", new { input = RunApiFixture.Input(42.5) });

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var run = await response.ReadObjectAsync();
        Assert.Equal("completed", run["status"]!.GetValue<string>());
        Assert.Equal("auto", run["endNode"]!.GetValue<string>());
        Assert.NotNull(run["output"]);
        Assert.NotNull(run["endedAt"]);
    }

    [Fact]
    public async Task StartRun_Issue15_PreferWait_Returns200AndPreferenceApplied()
    {
        // Arrange
        var client = await fixture.ClientAsync("operator");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workflows/{fixture.GateWorkflowId}/runs")
        {
            Content = ApiClientExtensions.Json(new JsonObject { ["input"] = RunApiFixture.Input(10) }.ToJsonString()),
        };
        request.Headers.TryAddWithoutValidation("Prefer", "respond-async, wait=30");

        // Act
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("wait=30", Assert.Single(response.Headers.GetValues("Preference-Applied")));
        Assert.Equal("completed", (await response.ReadObjectAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartRun_Issue15_RunWaitsForPerson_Returns202AtOnceWithStatus()
    {
        // Arrange
        var client = await fixture.ClientAsync("operator");
        var clock = Stopwatch.StartNew();

        // Act: 6,000 EUR goes to the analyst gate; a person is not going to decide within the wait.
        var response = await client.PostJsonAsync($"/api/workflows/{fixture.GateWorkflowId}/runs?wait=PT50S", new { input = RunApiFixture.Input(6000) });

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("waitingForHuman", body["status"]!.GetValue<string>());
        Assert.Equal($"/api/runs/{body["runId"]}", response.Headers.Location!.OriginalString);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"answered after {clock.Elapsed}, not when the run parked at the gate");
    }

    [Theory]
    [InlineData("?wait=ten", null, "wait")]
    [InlineData("?wait=PT2M", null, "wait")]
    [InlineData("?wait=-PT1S", null, "wait")]
    [InlineData("", "wait=soon", "Prefer")]
    [InlineData("", "wait=61", "Prefer")]
    public async Task StartRun_Issue15_BadWait_ProblemDetailsAndNoRunStarted(string query, string? prefer, string field)
    {
        // Arrange
        var client = await fixture.ClientAsync("operator");
        var before = await RunCountAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/workflows/{fixture.GateWorkflowId}/runs{query}")
        {
            Content = ApiClientExtensions.Json(new JsonObject { ["input"] = RunApiFixture.Input(10) }.ToJsonString()),
        };
        if (prefer is not null)
        {
            request.Headers.TryAddWithoutValidation("Prefer", prefer);
        }

        // Act
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["field"]?.GetValue<string>() == field);
        Assert.Equal(before, await RunCountAsync(client));
    }

    private async Task<long> RunCountAsync(HttpClient client) =>
        (await (await client.GetAsync($"/api/runs?workflowId={fixture.GateWorkflowId}&pageSize=1")).ReadObjectAsync())["total"]!.GetValue<long>();
}
