using Designer.Persistence.Tests.Infrastructure;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 14 item 6: run start and cancel are audit entries in the transaction of the change, on SQLite and PostgreSQL.</summary>
public abstract partial class StoreConformanceTests
{
    private static readonly Actor WebhookKey = new("apikey:0f1e2d3c", "Webhook key 'crm'");

    [Fact]
    public async Task CreateRun_Issue14_WritesRunStartedWithActorWorkflowVersionTriggerAndNoInput()
    {
        // Arrange
        var storage = await IsolatedAsync();
        var created = await CreateAsync(storage);
        var input = new JsonObject { ["secret"] = "do-not-audit-me" }.ToJsonString();

        // Act
        var run = await storage.Runs.CreateRunAsync(new NewRun(created.Workflow.Id, 3, "sha256:x", input, "host", Trigger: RunTriggers.Webhook), WebhookKey, Ct);
        var entries = await RunEntriesAsync(storage, AuditActions.RunStarted);
        var verification = await storage.Audit.VerifyAsync(Ct);

        // Assert
        var entry = Assert.Single(entries);
        Assert.Equal((WebhookKey.Id, WebhookKey.Name, run.Id.ToString("D")), (entry.ActorId, entry.ActorName, entry.EntityId));
        var data = JsonNode.Parse(entry.DataJson!)!;
        Assert.Equal(created.Workflow.Id.ToString("D"), data["workflowId"]!.GetValue<string>());
        Assert.Equal(3, data["version"]!.GetValue<int>());
        Assert.Equal(RunTriggers.Webhook, data["trigger"]!.GetValue<string>());
        Assert.DoesNotContain("do-not-audit-me", entry.DataJson!, StringComparison.Ordinal);
        Assert.True(verification.IsValid, verification.Reason);
    }

    [Fact]
    public async Task CreateRun_Issue14_InsertRefusedByKeyOrForeignKey_LeavesNoEntry()
    {
        // Arrange: a run whose id a second start repeats (a batch row restarted), and a start for no workflow.
        var storage = await IsolatedAsync();
        var created = await CreateAsync(storage);
        var first = await storage.Runs.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host", Guid.NewGuid(), RunTriggers.Batch), Alice, Ct);

        // Act
        var repeated = await Record.ExceptionAsync(() => storage.Runs.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host", first.Id, RunTriggers.Batch), Alice, Ct));
        var orphan = await Record.ExceptionAsync(() => storage.Runs.CreateRunAsync(new NewRun(Guid.NewGuid(), 1, "sha256:x", "{}", "host"), Alice, Ct));
        var entries = await RunEntriesAsync(storage, AuditActions.RunStarted);
        var verification = await storage.Audit.VerifyAsync(Ct);

        // Assert
        Assert.IsType<DbUpdateException>(repeated, exactMatch: false);
        Assert.IsType<DbUpdateException>(orphan, exactMatch: false);
        Assert.Equal(first.Id.ToString("D"), Assert.Single(entries).EntityId);
        Assert.True(verification.IsValid, verification.Reason);
    }

    [Fact]
    public async Task CancelRun_Issue14_WritesRunCancelledOnceAndNothingWhenItDoesNotApply()
    {
        // Arrange
        var storage = await IsolatedAsync();
        var created = await CreateAsync(storage);
        var run = await storage.Runs.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host"), Alice, Ct);
        var cancel = new RunTransition(RunStatus.Cancelled, Error: "Cancelled by an operator.");

        // Act
        var cancelled = await storage.Runs.CancelRunAsync(run.Id, [RunStatus.Running, RunStatus.WaitingForHuman], cancel, Bob, Ct);
        var again = await storage.Runs.CancelRunAsync(run.Id, [RunStatus.Running, RunStatus.WaitingForHuman], cancel, Bob, Ct);
        var missing = await storage.Runs.CancelRunAsync(Guid.NewGuid(), [RunStatus.Running], cancel, Bob, Ct);
        var entries = await RunEntriesAsync(storage, AuditActions.RunCancelled);
        var verification = await storage.Audit.VerifyAsync(Ct);

        // Assert
        Assert.Equal(RunStatus.Cancelled, cancelled?.Status);
        Assert.Null(again);
        Assert.Null(missing);
        var entry = Assert.Single(entries);
        Assert.Equal((Bob.Id, run.Id.ToString("D")), (entry.ActorId, entry.EntityId));
        Assert.Equal("Running", JsonNode.Parse(entry.DataJson!)!["from"]!.GetValue<string>());
        Assert.True(verification.IsValid, verification.Reason);
    }

    [Fact]
    public async Task CreateRun_Issue14_FiftyConcurrentStarts_OneEntryEachAndChainVerifies()
    {
        // Arrange
        var storage = await IsolatedAsync();
        var created = await CreateAsync(storage);

        // Act
        var runs = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            storage.Runs.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", $$"""{"i":{{i}}}""", "host"), i % 2 == 0 ? Alice : WebhookKey, Ct)));
        var entries = await RunEntriesAsync(storage, AuditActions.RunStarted);
        var verification = await storage.Audit.VerifyAsync(Ct);

        // Assert
        Assert.Equal(runs.Select(r => r.Id.ToString("D")).Order(), entries.Select(e => e.EntityId).Order());
        Assert.True(verification.IsValid, verification.Reason);
    }

    private static async Task<List<AuditEntryEntity>> RunEntriesAsync(TestStorage storage, string action)
    {
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Sequence).ToListAsync(Ct);
    }
}
