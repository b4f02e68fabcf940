using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Runtime.Rollouts;
using Designer.Web.Rollouts;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Designer.Web.Tests.Rollouts;

/// <summary>Issue 13 rollouts through the API on each provider: canary split, guards, window end, live shadow, bad input.</summary>
public abstract class Issue13RolloutApiTests(Issue13RolloutFixture fixture)
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(90);

    protected abstract void EnsureProvider();

    [Fact]
    public async Task Canary_Issue13_GuardBreachRollsBackAndNextRunsGoToPreviousVersion()
    {
        // Arrange: v2 (escalates amounts over 10) rolled out to 50 % of run keys with an escalation guard.
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var approver = await fixture.ClientAsync("approver");
        var id = await fixture.CreateTwoVersionsAsync("Issue13 canary breach");
        var started = await StartRolloutAsync(operatorClient, id, 2, """{"mode":"canary","percent":50,"window":"PT1H","minRuns":3,"guards":{"maxEscalationRate":0.5}}""");
        var rolloutId = started["id"]!.GetValue<Guid>();
        var candidateKeys = Keys(rolloutId, 50, candidate: true, 3);
        var baselineKeys = Keys(rolloutId, 50, candidate: false, 3);

        // Act 1: runs with keys on each side, and one retried start.
        var versions = new Dictionary<string, int>();
        foreach (var key in candidateKeys.Concat(baselineKeys))
        {
            var runId = await StartRunAsync(operatorClient, id, key);
            var run = await WaitRunAsync(approver, runId, candidateKeys.Contains(key) ? "waitingForHuman" : "completed");
            versions[key] = run["version"]!.GetValue<int>();
        }

        var retried = await WaitRunAsync(approver, await StartRunAsync(operatorClient, id, candidateKeys[0]), "waitingForHuman");
        var before = await (await approver.GetAsync($"/api/workflows/{id}/rollout")).ReadObjectAsync();
        var changed = await fixture.Factory.Services.GetRequiredService<RolloutMonitor>().CheckAllAsync(CancellationToken.None);

        // Assert 1: pinned to the predicted side, the retry on the same version; the guard breached and rolled back.
        Assert.Equal(1, started["baselineVersion"]!.GetValue<int>());
        Assert.All(candidateKeys, k => Assert.Equal(2, versions[k]));
        Assert.All(baselineKeys, k => Assert.Equal(1, versions[k]));
        Assert.Equal(2, retried["version"]!.GetValue<int>());
        Assert.Equal(4, before["sides"]!["candidate"]!["runs"]!.GetValue<int>());
        Assert.Equal(1.0, before["sides"]!["candidate"]!["escalationRate"]!.GetValue<double>());
        Assert.Equal(0.0, before["sides"]!["baseline"]!["escalationRate"]!.GetValue<double>());
        Assert.True(before["guards"]!.AsArray().Single()!["breached"]!.GetValue<bool>());
        var rolledBack = Assert.Single(changed, r => r.WorkflowId == id);
        Assert.Equal(RolloutStates.RolledBack, rolledBack.State);

        // Act 2: the same candidate keys start again.
        var after = new List<int>();
        foreach (var key in candidateKeys)
        {
            after.Add((await WaitRunAsync(approver, await StartRunAsync(operatorClient, id, key), "completed"))["version"]!.GetValue<int>());
        }

        var rollout = await (await approver.GetAsync($"/api/workflows/{id}/rollout")).ReadObjectAsync();
        var audit = await (await approver.GetAsync($"/api/audit?entityId={id}")).ReadObjectAsync();
        var workflow = await (await approver.GetAsync($"/api/workflows/{id}")).ReadObjectAsync();

        // Assert 2: every new run on v1, the rollback and its reason recorded and audited.
        Assert.All(after, v => Assert.Equal(1, v));
        Assert.Equal("rolled-back", rollout["state"]!.GetValue<string>());
        Assert.Contains("maxEscalationRate", rollout["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var entry = Assert.Single(audit["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "rollout.rolled-back")!;
        Assert.Equal("system:rollout-guard", entry["actorId"]!.GetValue<string>());
        var data = JsonNode.Parse(entry["dataJson"]!.GetValue<string>())!;
        Assert.Equal(("maxEscalationRate", 1.0, 0.5), (data["guard"]!["name"]!.GetValue<string>(), data["guard"]!["value"]!.GetValue<double>(), data["guard"]!["limit"]!.GetValue<double>()));
        Assert.Equal(["approver", "starter"], data["notified"]!.AsArray().Select(p => p!["role"]!.GetValue<string>()));
        Assert.Contains(audit["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "rollout.started");
        Assert.Equal(1, workflow["activeVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Canary_Issue13_WindowEndWithEnoughRunsPromotesTooFewNeedsDecision()
    {
        // Arrange: two workflows, each with v2 rolled out; one reaches minRuns, the other cannot.
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var approver = await fixture.ClientAsync("approver");
        var enough = await fixture.CreateTwoVersionsAsync("Issue13 promote");
        var tooFew = await fixture.CreateTwoVersionsAsync("Issue13 inconclusive");
        var promoteId = (await StartRolloutAsync(operatorClient, enough, 2, """{"mode":"canary","percent":50,"window":"PT1H","minRuns":2}"""))["id"]!.GetValue<Guid>();
        await StartRolloutAsync(approver, tooFew, 2, """{"mode":"canary","percent":50,"window":"PT1H","minRuns":50}""");
        foreach (var key in Keys(promoteId, 50, candidate: true, 2))
        {
            await WaitRunAsync(approver, await StartRunAsync(operatorClient, enough, key), "waitingForHuman");
        }

        var store = fixture.Factory.Services.GetRequiredService<IRolloutStore>();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var monitor = new RolloutMonitor(store, clock, NullLogger<RolloutMonitor>.Instance);

        // Act: once before the window ends, once after.
        var early = await monitor.CheckAsync((await store.GetOpenAsync(enough, CancellationToken.None))!, CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var promoted = await monitor.CheckAsync((await store.GetOpenAsync(enough, CancellationToken.None))!, CancellationToken.None);
        var paused = await monitor.CheckAsync((await store.GetOpenAsync(tooFew, CancellationToken.None))!, CancellationToken.None);
        var workflow = await (await approver.GetAsync($"/api/workflows/{enough}")).ReadObjectAsync();
        var pausedView = await (await approver.GetAsync($"/api/workflows/{tooFew}/rollout")).ReadObjectAsync();
        var audit = await (await approver.GetAsync($"/api/audit?entityId={enough}")).ReadObjectAsync();
        var aborted = await approver.PostJsonAsync($"/api/workflows/{tooFew}/rollout/abort");

        // Assert
        Assert.Null(early);
        Assert.Equal(RolloutStates.Promoted, promoted!.State);
        Assert.Equal(2, workflow["activeVersion"]!.GetValue<int>());
        Assert.Contains(audit["items"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "rollout.promoted");
        Assert.Equal(RolloutStates.NeedsDecision, paused!.State);
        Assert.Equal("needs-decision", pausedView["state"]!.GetValue<string>());
        Assert.Contains("too few", pausedView["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, aborted.StatusCode);
        Assert.Equal("aborted", (await aborted.ReadObjectAsync())["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Shadow_Issue13_MirrorsWithoutProductionRunOrInboxTaskAndRecordsFlips()
    {
        // Arrange: v2 in shadow; v1 decides an amount of 100 automatically, v2 would escalate it.
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var approver = await fixture.ClientAsync("approver");
        var id = await fixture.CreateTwoVersionsAsync("Issue13 shadow");
        var rolloutId = (await StartRolloutAsync(approver, id, 2, """{"mode":"shadow","percent":60,"window":"PT1H","minRuns":1}"""))["id"]!.GetValue<Guid>();
        var mirrored = Keys(rolloutId, 60, candidate: true, 3);
        var store = fixture.Factory.Services.GetRequiredService<IRolloutStore>();

        // Act
        var runIds = new List<Guid>();
        foreach (var key in mirrored.Append(Keys(rolloutId, 60, candidate: false, 1)[0]))
        {
            var runId = await StartRunAsync(operatorClient, id, key);
            runIds.Add(runId);
            await WaitRunAsync(approver, runId, "completed");
        }

        using (var limit = new CancellationTokenSource(WaitLimit))
        {
            while ((await store.ListShadowCasesAsync(rolloutId, limit.Token)).Count < mirrored.Length)
            {
                await Task.Delay(100, limit.Token);
            }
        }

        await fixture.Factory.Services.GetRequiredService<RolloutMonitor>().CheckAllAsync(CancellationToken.None);
        var cases = await store.ListShadowCasesAsync(rolloutId, CancellationToken.None);
        var runs = await (await approver.GetAsync($"/api/runs?workflowId={id}")).ReadObjectAsync();
        var tasks = await (await approver.GetAsync($"/api/tasks?status=pending")).ReadObjectAsync();
        var view = await (await approver.GetAsync($"/api/workflows/{id}/rollout")).ReadObjectAsync();

        // Assert: only the live runs exist, all on v1; no inbox task; each mirrored case escalated and flipped.
        Assert.Equal(runIds.Count, runs["total"]!.GetValue<long>());
        Assert.All(runs["items"]!.AsArray(), r => Assert.Equal(1, r!["version"]!.GetValue<int>()));
        Assert.DoesNotContain(tasks["items"]!.AsArray(), t => runIds.Contains(t!["runId"]!.GetValue<Guid>()));
        Assert.Equal(mirrored.Length, cases.Count);
        Assert.All(cases, c =>
        {
            Assert.Equal("escalated", c.Outcome);
            Assert.Equal("auto", c.LiveEndNode);
            Assert.True(c.Flipped);
        });
        Assert.Equal(mirrored.Length, view["sides"]!["candidate"]!["flipped"]!.GetValue<int>());
        Assert.Equal("running", view["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task StartRollout_Issue13_BadInputListsEveryProblemUnapprovedAndSecondRefusedNothingSaved()
    {
        // Arrange
        EnsureProvider();
        var approver = await fixture.ClientAsync("approver");
        var id = await fixture.CreateTwoVersionsAsync("Issue13 bad rollout", approveV2: false);

        // Act
        var bad = await approver.PostAsync($"/api/workflows/{id}/versions/1/rollout", ApiClientExtensions.Json(
            """{"mode":"blue","percent":0,"window":"1h","minRuns":0,"guards":{"maxWrongRate":2,"p95LatencyMs":-1}}"""));
        var problem = await bad.ReadObjectAsync();
        var unapproved = await approver.PostAsync($"/api/workflows/{id}/versions/2/rollout", ApiClientExtensions.Json("""{"mode":"canary","percent":10,"window":"PT1H"}"""));
        var afterRefusals = await approver.GetAsync($"/api/workflows/{id}/rollout");
        var active = await approver.PostAsync($"/api/workflows/{id}/versions/1/rollout", ApiClientExtensions.Json("""{"mode":"canary","percent":10,"window":"PT1H"}"""));

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var fields = problem["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["guards.maxWrongRate", "guards.p95LatencyMs", "minRuns", "mode", "percent", "window"], fields);
        Assert.Equal(HttpStatusCode.Conflict, unapproved.StatusCode);
        Assert.Contains("PendingApproval", (await unapproved.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, afterRefusals.StatusCode);

        // v1 is the only approved version: there is nothing to compare it with.
        Assert.Equal(HttpStatusCode.Conflict, active.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await approver.GetAsync($"/api/workflows/{id}/rollout")).StatusCode);
    }

    [Fact]
    public async Task StartRollout_Issue13_SecondWhileOneRunsConflictsAndExplicitVersionWins()
    {
        // Arrange
        EnsureProvider();
        var operatorClient = await fixture.ClientAsync("operator");
        var approver = await fixture.ClientAsync("approver");
        var id = await fixture.CreateTwoVersionsAsync("Issue13 one open");
        var rolloutId = (await StartRolloutAsync(approver, id, 2, """{"mode":"canary","percent":99,"window":"PT1H"}"""))["id"]!.GetValue<Guid>();

        // Act
        var second = await approver.PostAsync($"/api/workflows/{id}/versions/2/rollout", ApiClientExtensions.Json("""{"mode":"shadow","percent":10,"window":"PT1H"}"""));
        var candidateKey = Keys(rolloutId, 99, candidate: true, 1)[0];
        var pinned = await operatorClient.PostAsync($"/api/workflows/{id}/runs", ApiClientExtensions.Json(
            new JsonObject { ["input"] = RunApiFixture.Input(100), ["runKey"] = candidateKey, ["version"] = 1 }.ToJsonString()));
        var pinnedRun = await WaitRunAsync(approver, (await pinned.ReadObjectAsync())["runId"]!.GetValue<Guid>(), "completed");
        var unknown = await operatorClient.PostAsync($"/api/workflows/{id}/runs", ApiClientExtensions.Json(
            new JsonObject { ["input"] = RunApiFixture.Input(100), ["version"] = 9 }.ToJsonString()));

        // Assert
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(1, pinnedRun["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/workflows/{id}/rollout/promote")).StatusCode);
        Assert.Equal(2, (await (await approver.GetAsync($"/api/workflows/{id}")).ReadObjectAsync())["activeVersion"]!.GetValue<int>());
    }

    /// <summary>The first <paramref name="count"/> keys that land on the wanted side of the rollout.</summary>
    internal static string[] Keys(Guid rolloutId, int percent, bool candidate, int count) =>
        [.. Enumerable.Range(0, 10_000).Select(i => $"{(candidate ? "c" : "b")}-{i}")
            .Where(k => RolloutSplit.IsCandidate(rolloutId, k, percent) == candidate).Take(count)];

    internal static async Task<JsonObject> StartRolloutAsync(HttpClient client, Guid id, int version, string body)
    {
        var response = await client.PostAsync($"/api/workflows/{id}/versions/{version}/rollout", ApiClientExtensions.Json(body));
        var json = await response.ReadObjectAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, json.ToJsonString());
        return json;
    }

    internal static async Task<Guid> StartRunAsync(HttpClient client, Guid workflowId, string runKey)
    {
        var response = await client.PostAsync($"/api/workflows/{workflowId}/runs",
            ApiClientExtensions.Json(new JsonObject { ["input"] = RunApiFixture.Input(100), ["runKey"] = runKey }.ToJsonString()));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.ReadObjectAsync())["runId"]!.GetValue<Guid>();
    }

    private static Task<JsonObject> WaitRunAsync(HttpClient client, Guid runId, string status) => RunApiTests.WaitForStatusAsync(client, runId, status);
}
