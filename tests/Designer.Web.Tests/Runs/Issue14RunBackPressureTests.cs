using System.Net;
using Designer.Persistence;
using Designer.Runtime.Runs;
using Designer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Runs;

/// <summary>Issue 14 item 7: a full run queue refuses new runs with 503 + Retry-After and stores nothing.</summary>
public sealed class Issue14RunBackPressureTests(BackPressureRunApiFixture fixture) : IClassFixture<BackPressureRunApiFixture>
{
    [Fact]
    public async Task StartRun_Issue14_BacklogAtLimit_Returns503WithRetryAfterAndStartsNothing()
    {
        // Arrange: hold the host's backlog at its limit with work that waits for the test.
        var client = await fixture.ClientAsync("operator");
        var host = fixture.Factory.Services.GetRequiredService<RunExecutionHost>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = Enumerable.Range(0, BackPressureRunApiFixture.MaxQueuedRuns).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in held)
        {
            host.Enqueue(id, _ => release.Task);
        }

        var before = await RunCountAsync(client);
        var startedBefore = await StartedEntriesAsync();

        // Act
        var refused = await client.PostJsonAsync($"/api/workflows/{fixture.GateWorkflowId}/runs", new { input = RunApiFixture.Input(42.5) });
        var problem = await refused.ReadObjectAsync();
        var during = await RunCountAsync(client);
        var startedDuring = await StartedEntriesAsync();
        release.SetResult();
        await Task.WhenAll(held.Select(host.WhenIdleAsync));
        var accepted = await client.PostJsonAsync($"/api/workflows/{fixture.GateWorkflowId}/runs", new { input = RunApiFixture.Input(42.5) });

        // Assert
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("Run queue full", problem["title"]!.GetValue<string>());
        Assert.Equal(before, during);
        Assert.Equal(startedBefore, startedDuring); // issue 14: a refused start leaves no run.started entry
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
    }

    [Fact]
    public async Task Hook_Issue14_BacklogAtLimit_Returns503BeforeTheDeliveryIsRead()
    {
        // Arrange
        var host = fixture.Factory.Services.GetRequiredService<RunExecutionHost>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = Enumerable.Range(0, BackPressureRunApiFixture.MaxQueuedRuns).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in held)
        {
            host.Enqueue(id, _ => release.Task);
        }

        using var anonymous = fixture.Factory.CreateClient();

        // Act
        var refused = await anonymous.PostAsync($"/hooks/{fixture.GateWorkflowId}", ApiClientExtensions.Json("{}"));
        release.SetResult();
        await Task.WhenAll(held.Select(host.WhenIdleAsync));
        var afterwards = await anonymous.PostAsync($"/hooks/{fixture.GateWorkflowId}", ApiClientExtensions.Json("{}"));

        // Assert: refused while full; once drained, the same keyless delivery reaches authentication again.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    private async Task<int> StartedEntriesAsync()
    {
        await using var db = await fixture.Factory.Services.GetRequiredService<IDbContextFactory<DesignerDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.AuditEntries.CountAsync(e => e.Action == AuditActions.RunStarted, TestContext.Current.CancellationToken);
    }

    private static async Task<long> RunCountAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/runs?pageSize=1")).ReadObjectAsync())["total"]!.GetValue<long>();
}
