using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 14 item 1 (retention), on SQLite and PostgreSQL.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Purge_Issue14Retention_AfterThePeriodShredsVaultAnonymisesRowsAndChainVerifies()
    {
        // Arrange: a finished run with a vaulted e-mail, a checkpoint and a trace event.
        var storage = await IsolatedAsync();
        var time = new MovableTime(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var vault = new RunVault(storage.Contexts, new Microsoft.AspNetCore.DataProtection.EphemeralDataProtectionProvider(), new EmailAndCardDetector(), time);
        var store = new RunStore(storage.Contexts, time, vault);
        var retention = new RunRetention(storage.Contexts, time, Options.Create(new RetentionOptions { RunPayloadDays = 30 }));
        var created = await CreateAsync(storage);
        var input = new JsonObject { ["email"] = Email }.ToJsonString();
        var run = await store.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", input, "host"), Alice, Ct);
        await store.AppendCheckpointAsync(run.Id, new RunCheckpointRecord("c1", null, input, time.GetUtcNow()), Ct);
        await store.AppendTraceAsync(run.Id, "node.completed", "start", input, time.GetUtcNow(), Ct);
        await store.TransitionAsync(run.Id, [RunStatus.Running], new RunTransition(RunStatus.Completed, input), Ct);
        var stored = JsonNode.Parse((await store.GetRunAsync(run.Id, Ct))!.InputJson)!["email"]!;

        // Act
        var withinPeriod = await retention.PurgeAsync(Ct);
        time.Now = time.Now.AddDays(31);
        var afterPeriod = await retention.PurgeAsync(Ct);
        var again = await retention.PurgeAsync(Ct);
        var reveal = await vault.RevealAsync(run.Id, "input.email", stored, Bob, Ct);
        var purgedRun = (await store.GetRunAsync(run.Id, Ct))!;
        var verification = await storage.Audit.VerifyAsync(Ct);
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        var purgeEntries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.RetentionPurged).Select(e => e.DataJson).ToListAsync(Ct);

        // Assert
        Assert.Equal(0, withinPeriod.Runs);
        Assert.Equal(new RetentionPurge(1, 1, 1, 1, 0), afterPeriod);
        Assert.Equal(0, again.Runs);
        Assert.IsType<RunVaultReveal.Shredded>(reveal);
        Assert.Equal("""{"email":"[email]"}""", purgedRun.InputJson);
        Assert.Empty(await store.ListCheckpointsAsync(run.Id, Ct));
        Assert.DoesNotContain("«", (await store.ListTraceAsync(run.Id, 0, 10, Ct)).Single().Json, StringComparison.Ordinal);
        var entry = Assert.Single(purgeEntries);
        Assert.Contains("\"runs\":1", entry, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, entry!, StringComparison.Ordinal);
        Assert.True(verification.IsValid, verification.Reason);
    }

    [Fact]
    public void Validate_Issue14Retention_NegativePeriodAndZeroBatchAreBothNamed()
    {
        // Arrange
        var validator = new RetentionOptionsValidator();

        // Act
        var result = validator.Validate(null, new RetentionOptions { RunPayloadDays = -1, BatchSize = 0 });

        // Assert
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("RunPayloadDays", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("BatchSize", StringComparison.Ordinal));
    }

    private sealed class MovableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
