using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Designer.Runtime.Tracing;
using Designer.Web.Tests.Infrastructure;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// Issue 15 item 1: a run's trace rows are committed with the checkpoint of their superstep, supersteps of
/// replayable nodes skip theirs, and the last rows go with the final status change — counted in write transactions
/// per run in the real app.
/// </summary>
public sealed class Issue15RunWriteBatchTests
{
    /// <summary>Run insert and final transition; before issue 15 this path took 10 (insert, 3 checkpoints, 6 rows... ).</summary>
    private const int ReplayableRunMaxTransactions = 2;

    [Fact]
    public async Task Run_Issue15ReplayableNodesOnly_AtMostTwoWriteTransactionsAndEveryRowOnce()
    {
        // Arrange
        using var counter = new RunWriteCounter();
        await using var factory = new DesignerWebFactory();
        var (workflowId, operatorClient) = await SlaReminderTests.PublishGateWorkflowAsync(factory, slaMinutes: null);

        // Act: a low-risk dispute runs start -> policy -> auto (all replayable).
        var runId = await RunApiTests.StartAsync(operatorClient, workflowId, RunApiFixture.Input(42.5));
        await RunApiTests.WaitForStatusAsync(operatorClient, runId, "completed");
        var trace = await TraceAsync(operatorClient, runId);

        // Assert
        Assert.InRange(counter.SavesOf(runId), 1, ReplayableRunMaxTransactions);
        AssertEachNodeOnce(trace, ["start", "policy", "auto"]);
    }

    [Fact]
    public async Task Run_Issue15GateAndModel_GateSeesItsEvidenceAndTraceHasEveryRowOnce()
    {
        // Arrange
        using var counter = new RunWriteCounter();
        await using var factory = new DesignerWebFactory();
        var (workflowId, operatorClient) = await SlaReminderTests.PublishGateWorkflowAsync(factory, slaMinutes: null);
        var approver = factory.CreateClient();
        var login = await approver.PostAsJsonAsync("/api/auth/login", new { email = "approver@demo.local", password = DesignerWebFactory.Password }, TestContext.Current.CancellationToken);
        approver.DefaultRequestHeaders.Authorization = new("Bearer", (await login.ReadObjectAsync())["accessToken"]!.GetValue<string>());

        // Act: a high-risk dispute waits at the analyst gate (rows flushed for its evidence), then is approved.
        var runId = await RunApiTests.StartAsync(operatorClient, workflowId, RunApiFixture.Input(6000));
        await RunApiTests.WaitForStatusAsync(operatorClient, runId, "waitingForHuman");
        var waitingTrace = await TraceAsync(operatorClient, runId);
        var task = await RunApiTests.PendingTaskAsync(approver, runId);
        var decided = await approver.PostJsonAsync($"/api/tasks/{task["id"]}/decision", new { decision = "approve", comment = "ok" });
        await RunApiTests.WaitForStatusAsync(operatorClient, runId, "completed");
        var trace = await TraceAsync(operatorClient, runId);

        // Assert: what the gate's task was built from was committed before it; nothing appears twice.
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Contains(waitingTrace, e => Kind(e) == TraceEventKinds.Request);
        Assert.Contains(waitingTrace, e => Kind(e) == TraceEventKinds.NodeCompleted && Node(e) == "policy");
        var nodes = trace.Where(e => Kind(e) == TraceEventKinds.NodeCompleted).Select(Node).ToList();
        Assert.Equal(nodes.Distinct().Count(), nodes.Count);
        Assert.Contains("review", nodes);
        Assert.Equal(Enumerable.Range(1, trace.Count).Select(i => (long)i), trace.Select(e => e["sequence"]!.GetValue<long>()));
        Assert.True(counter.SavesOf(runId) > 0);
    }

    /// <summary>Every node of the path invoked and completed exactly once; sequences 1..n without gaps.</summary>
    internal static void AssertEachNodeOnce(IReadOnlyList<JsonObject> trace, string[] path)
    {
        Assert.Equal(path, trace.Where(e => Kind(e) == TraceEventKinds.NodeCompleted).Select(Node));
        Assert.Equal(path, trace.Where(e => Kind(e) == TraceEventKinds.NodeInvoked).Select(Node));
        Assert.Equal(Enumerable.Range(1, trace.Count).Select(i => (long)i), trace.Select(e => e["sequence"]!.GetValue<long>()));
    }

    private static async Task<List<JsonObject>> TraceAsync(HttpClient client, Guid runId)
    {
        var trace = JsonNode.Parse(await client.GetStringAsync($"/api/runs/{runId}/trace", TestContext.Current.CancellationToken))!.AsArray();
        return [.. trace.Select(e => e!.AsObject())];
    }

    private static string Kind(JsonObject e) => e["kind"]!.GetValue<string>();

    private static string? Node(JsonObject e) => e["nodeId"]?.GetValue<string>();
}
