using System.Net;
using System.Text.Json.Nodes;
using Designer.Persistence;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Rollouts;

/// <summary>
/// Issue 13: the live-shadow mirror queue survives a restart. The first host mirrors live runs but does not process
/// them (its worker is off, as if it died right after the runs started); a second host on the same database
/// resumes them: one shadow result per mirrored run, none lost, and a repeated mirror adds no second result.
/// </summary>
public abstract class Issue13ShadowMirrorRestartTests
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(90);

    protected abstract Task<string?> ConnectionStringAsync();

    [Fact]
    public async Task Restart_Issue13_QueuedMirrorsResumedOneResultPerRun()
    {
        // Arrange: host 1 (worker off) with v2 in shadow at 60 %; three mirrored live runs and one that is not.
        var connection = await ConnectionStringAsync();
        Guid id, rolloutId;
        string[] mirrored;
        string dataDirectory;
        await using (var first = new DesignerWebFactory(connection) { KeepData = true })
        {
            first.Settings["Designer:Rollouts:RunGuards"] = "false";
            dataDirectory = first.DataDirectory;
            var author = await first.ClientForAsync("author");
            var approver = await first.ClientForAsync("approver");
            var operatorClient = await first.ClientForAsync("operator");
            id = await CreateTwoVersionsAsync(author, approver);
            rolloutId = (await Issue13RolloutApiTests.StartRolloutAsync(approver, id, 2, """{"mode":"shadow","percent":60,"window":"PT1H","minRuns":1}"""))["id"]!.GetValue<Guid>();
            mirrored = Issue13RolloutApiTests.Keys(rolloutId, 60, candidate: true, 3);
            foreach (var key in mirrored.Append(Issue13RolloutApiTests.Keys(rolloutId, 60, candidate: false, 1)[0]))
            {
                await RunApiTests.WaitForStatusAsync(approver, await Issue13RolloutApiTests.StartRunAsync(operatorClient, id, key), "completed");
            }

            var store = first.Services.GetRequiredService<IRolloutStore>();
            Assert.Equal(mirrored.Length, await store.CountMirrorsAsync(CancellationToken.None));
            Assert.Empty(await store.ListShadowCasesAsync(rolloutId, CancellationToken.None));
        }

        // Act: host 2 on the same database, worker on.
        await using var second = new DesignerWebFactory(connection, dataDirectory);
        var rollouts = second.Services.GetRequiredService<IRolloutStore>();
        await WaitAsync(async () => (await rollouts.ListShadowCasesAsync(rolloutId, CancellationToken.None)).Count == mirrored.Length
            && await rollouts.CountMirrorsAsync(CancellationToken.None) == 0);
        var cases = await rollouts.ListShadowCasesAsync(rolloutId, CancellationToken.None);

        // A duplicate delivery (the at-least-once case): the same run mirrored again is processed but stores nothing new.
        var rollout = (await rollouts.GetOpenAsync(id, CancellationToken.None))!;
        Assert.True(await rollouts.EnqueueMirrorAsync(rollout, cases[0].RunId, CancellationToken.None));
        await WaitAsync(async () => await rollouts.CountMirrorsAsync(CancellationToken.None) == 0);
        var after = await rollouts.ListShadowCasesAsync(rolloutId, CancellationToken.None);

        // Assert: every mirrored run has exactly one shadow result, escalated by the stricter v2.
        Assert.Equal(mirrored.Length, cases.Select(c => c.RunId).Distinct().Count());
        Assert.All(cases, c => Assert.Equal("escalated", c.Outcome));
        Assert.Equal(cases.Select(c => c.RunId).Order(), after.Select(c => c.RunId).Order());
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The shadow queue was not drained in time.");
            await Task.Delay(100);
        }
    }

    /// <summary>As <see cref="Issue13RolloutFixture.CreateTwoVersionsAsync"/>: v2 escalates an amount of 100 that v1 decides automatically.</summary>
    private static async Task<Guid> CreateTwoVersionsAsync(HttpClient author, HttpClient approver)
    {
        var id = await author.CreateWorkflowAsync("Issue13 mirror restart " + Guid.NewGuid().ToString("N")[..6], RunApiFixture.GateWorkflow());
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
        var (draft, etag) = await author.GetDraftAsync(id);
        var definition = draft["definition"]!.AsObject();
        var rules = definition["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == "policy")!["config"]!["rules"]!.AsArray();
        var rule = rules.Single(r => r!["id"]!.GetValue<string>() == "high-amount")!.AsObject();
        var condition = rule.Single(p => p.Value is JsonValue v && v.TryGetValue<string>(out var text) && text == "input.amount > 5000").Key;
        rule[condition] = "input.amount > 10";
        Assert.Equal(HttpStatusCode.OK, (await author.PutDraftAsync(id, definition.ToJsonString(), etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/workflows/{id}/versions/2/approve")).StatusCode);
        return id;
    }
}
