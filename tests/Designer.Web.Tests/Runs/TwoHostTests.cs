using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

/// <summary>Two app instances (each its own silo) sharing one PostgreSQL database: decisions race across hosts.</summary>
public sealed class TwoHostTests
{
    [Fact]
    public async Task Decide_FiftyConcurrentAcrossTwoHosts_ExactlyOneOkAndNextNodeRunsOnce()
    {
        // Arrange
        var database = await TestPostgres.CreateDatabaseAsync(TestPostgres.RequireServer());
        await using var first = Host(database);
        var fixture = new HostFixture(first);
        var workflowId = await fixture.PublishAsync();
        await using var second = Host(database, first.DataDirectory);
        HttpClient[] approvers = [await first.ClientForAsync("approver"), await second.ClientForAsync("approver")];
        var runId = await RunApiTests.StartAsync(await first.ClientForAsync("operator"), workflowId, RunApiFixture.Input(6000));
        await RunApiTests.WaitForStatusAsync(approvers[1], runId, "waitingForHuman");
        var taskId = (await RunApiTests.PendingTaskAsync(approvers[1], runId))["id"]!.GetValue<Guid>();

        // Act
        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            approvers[i % 2].PostJsonAsync($"/api/tasks/{taskId}/decision", new { decision = i % 3 == 0 ? "reject" : "approve", comment = $"#{i}" })));
        await RunApiTests.WaitForStatusAsync(approvers[0], runId, "completed");

        // Assert
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var trace = await TraceAsync(approvers[1], runId);
        Assert.Single(trace, e => e["kind"]!.GetValue<string>() == "decision");
        Assert.Single(trace, e => e["kind"]!.GetValue<string>() == "node.completed" && e["nodeId"]!.GetValue<string>() == "analyst");
    }

    [Fact]
    public async Task Decide_TwoHundredWaitingRunsAtOnceAcrossTwoHosts_EachCompletesOnce()
    {
        // Arrange
        const int runs = 200;
        var database = await TestPostgres.CreateDatabaseAsync(TestPostgres.RequireServer());
        await using var first = Host(database);
        var workflowId = await new HostFixture(first).PublishAsync();
        await using var second = Host(database, first.DataDirectory);
        HttpClient[] operators = [await first.ClientForAsync("operator"), await second.ClientForAsync("operator")];
        HttpClient[] approvers = [await first.ClientForAsync("approver"), await second.ClientForAsync("approver")];
        var ids = await Task.WhenAll(Enumerable.Range(0, runs).Select(i => RunApiTests.StartAsync(operators[i % 2], workflowId, RunApiFixture.Input(6000 + i))));
        await WaitCountAsync(approvers[0], workflowId, "waitingForHuman", runs);
        var tasks = (await (await approvers[0].GetAsync("/api/tasks?status=pending&pageSize=200")).ReadObjectAsync())["items"]!.AsArray();

        // Act: every task decided at the same moment, half through each host.
        var responses = await Task.WhenAll(tasks.Select((t, i) => approvers[i % 2].PostJsonAsync($"/api/tasks/{t!["id"]}/decision", new { decision = "approve" })));
        await WaitCountAsync(approvers[1], workflowId, "completed", runs);

        // Assert: each decision is confirmed (200) or, when its grain answered after the call's timeout because the
        // burst queued on the governance lock, reported as not confirmed (503) — never refused, never a 500 — and
        // every one of them is recorded exactly once.
        Assert.Equal(runs, tasks.Count);
        var refused = responses.Where(r => r.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)).ToList();
        Assert.True(refused.Count == 0, $"{refused.Count} of {runs} decisions were refused: "
            + string.Join(" | ", await Task.WhenAll(refused.Take(3).Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}"))));
        foreach (var task in tasks)
        {
            var decided = await (await approvers[1].GetAsync($"/api/tasks/{task!["id"]}")).ReadObjectAsync();
            Assert.Equal("decided", decided["status"]!.GetValue<string>());
            Assert.Equal("approve", decided["decision"]!.GetValue<string>());
        }

        foreach (var id in ids)
        {
            var trace = await TraceAsync(approvers[0], id);
            Assert.Single(trace, e => e["kind"]!.GetValue<string>() == "node.completed" && e["nodeId"]!.GetValue<string>() == "analyst");
            Assert.Single(trace, e => e["kind"]!.GetValue<string>() == "output");
        }
    }

    // Each factory is its own one-silo cluster, so each host's recovery sweep sees the other's silo as dead and would
    // claim its running runs (a second execution). Production multi-host setups share Redis membership; these tests
    // race decisions, not recovery, so the periodic sweep stays out of their window (the start-up sweep still runs).
    private static DesignerWebFactory Host(string database, string? dataDirectory = null)
    {
        var factory = new DesignerWebFactory(database, dataDirectory);
        factory.Settings["Designer:Runtime:RecoverySweepInterval"] = "01:00:00";
        return factory;
    }

    private static async Task<List<JsonObject>> TraceAsync(HttpClient client, Guid runId) =>
        [.. JsonNode.Parse(await client.GetStringAsync($"/api/runs/{runId}/trace"))!.AsArray().Select(e => e!.AsObject())];

    private static async Task WaitCountAsync(HttpClient client, Guid workflowId, string status, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var page = await (await client.GetAsync($"/api/runs?workflowId={workflowId}&status={status}&pageSize=1")).ReadObjectAsync();
            var total = page["total"]!.GetValue<long>();
            if (total == count)
            {
                return;
            }

            var stuck = await (await client.GetAsync($"/api/runs?workflowId={workflowId}&status=faulted&pageSize=1")).ReadObjectAsync();
            Assert.Equal(0, stuck["total"]!.GetValue<long>());
            Assert.True(DateTime.UtcNow < deadline, $"{total} of {count} runs are {status} after 120 s");
            await Task.Delay(200);
        }
    }

    private sealed class HostFixture(DesignerWebFactory factory)
    {
        public async Task<Guid> PublishAsync()
        {
            var author = await factory.ClientForAsync("author");
            var id = await author.CreateWorkflowAsync("Two hosts " + Guid.NewGuid().ToString("N")[..6], RunApiFixture.GateWorkflow());
            Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync("approver")).PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
            return id;
        }
    }
}
