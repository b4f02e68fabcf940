using System.Net;
using Designer.Persistence;
using Designer.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Runs;

/// <summary>
/// Issue 14 item 1 through the API: a run row written before the vault existed (clear e-mail and card in the database)
/// is re-scanned, after which neither the run nor its trace shows a viewer the clear values, and the rows hold none.
/// </summary>
public abstract class Issue14PayloadRescanApiTests
{
    private const string Email = "jane.doe@example.com";
    private const string Card = "4111111111111111";

    protected abstract Task<DesignerWebFactory> CreateFactoryAsync();

    [Fact]
    public async Task GetRun_Issue14RescanOfPreVaultRow_ViewerSeesNoClearEmailOrCard()
    {
        // Arrange: the app's own re-scan has finished on the empty database; then a pre-vault row appears and the
        // job's progress row is gone, as in a database upgraded from before the vault.
        await using var factory = await CreateFactoryAsync();
        var ct = TestContext.Current.CancellationToken;
        var rescan = factory.Services.GetRequiredService<RunPayloadRescan>();
        await rescan.RunAsync(100, ct);
        var workflowId = await PublishAsync(factory);
        var runId = Guid.CreateVersion7();
        var clear = $$"""{"email":"{{Email}}","note":"Card {{Card}} of {{Email}}."}""";
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<DesignerDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.Runs.Add(new RunEntity
            {
                Id = runId,
                WorkflowId = workflowId,
                VersionNumber = 1,
                ContentHash = "sha256:pre-vault",
                Status = RunStatus.Faulted,
                InputJson = clear,
                Error = $"No reply from {Email}.",
                StartedById = "operator",
                StartedByName = "operator",
                StartedAt = DateTimeOffset.UtcNow.AddDays(-1),
                EndedAt = DateTimeOffset.UtcNow.AddDays(-1),
            });
            db.TraceEvents.Add(new TraceEventEntity { RunId = runId, Sequence = 1, Kind = "node.completed", NodeId = "start", Json = clear, Timestamp = DateTimeOffset.UtcNow.AddDays(-1) });
            db.MaintenanceProgress.RemoveRange(await db.MaintenanceProgress.Where(p => p.Name == RunPayloadRescan.JobName).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
        }

        var viewer = await factory.ClientForAsync("viewer");

        // Act
        var progress = await rescan.RunAsync(100, ct);
        var run = await viewer.GetAsync($"/api/runs/{runId}", ct);
        var trace = await viewer.GetAsync($"/api/runs/{runId}/trace", ct);

        // Assert
        Assert.True(progress.Completed);
        Assert.True(progress.Changed > 0);
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Equal(HttpStatusCode.OK, trace.StatusCode);
        var runBody = await run.Content.ReadAsStringAsync(ct);
        var traceBody = await trace.Content.ReadAsStringAsync(ct);
        Assert.Contains(runId.ToString("D"), runBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("node.completed", traceBody, StringComparison.Ordinal);
        foreach (var body in new[] { runBody, traceBody })
        {
            Assert.DoesNotContain(Email, body, StringComparison.Ordinal);
            Assert.DoesNotContain(Card, body, StringComparison.Ordinal);
        }

        await using var check = await contexts.CreateDbContextAsync(ct);
        var stored = await check.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        var storedTrace = await check.TraceEvents.AsNoTracking().Where(e => e.RunId == runId).Select(e => e.Json).ToListAsync(ct);
        foreach (var row in storedTrace.Append(stored.InputJson).Append(stored.Error!))
        {
            Assert.DoesNotContain(Email, row, StringComparison.Ordinal);
            Assert.DoesNotContain(Card, row, StringComparison.Ordinal);
        }
    }

    private static async Task<Guid> PublishAsync(DesignerWebFactory factory)
    {
        var definition = RunApiFixture.GateWorkflow();
        var author = await factory.ClientForAsync("author");
        var id = await author.CreateWorkflowAsync(definition.Name + " " + Guid.NewGuid().ToString("N")[..6], definition);
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        return id;
    }
}
