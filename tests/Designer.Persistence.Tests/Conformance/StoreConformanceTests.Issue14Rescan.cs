using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 14 item 1: rows stored before the vault existed are re-scanned, resumably, once.</summary>
public abstract partial class StoreConformanceTests
{
    private const string Card = "4111111111111111";

    [Fact]
    public async Task Rescan_Issue14_RawRowsFromBeforeTheVault_HoldNoClearPiiAndOneEntry()
    {
        // Arrange: three runs written as the store wrote them before the vault (no tokenisation at all).
        var storage = await IsolatedAsync();
        var raw = new RunStore(storage.Contexts, TimeProvider.System);
        var created = await CreateAsync(storage, "Before the vault");
        var input = new JsonObject { ["email"] = Email, ["note"] = $"Card {Card} of {Email}." }.ToJsonString();
        var runs = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var run = await raw.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", input, "host"), Alice, Ct);
            await raw.AppendCheckpointAsync(run.Id, new RunCheckpointRecord("c1", null, input, DateTimeOffset.UtcNow), Ct);
            await raw.AppendTraceAsync(run.Id, "node.completed", "start", input, DateTimeOffset.UtcNow, Ct);
            await raw.TransitionAsync(run.Id, [RunStatus.Running], new RunTransition(RunStatus.Faulted, Error: $"No reply from {Email}."), Ct);
            runs.Add(run.Id);
        }

        var protection = new EphemeralDataProtectionProvider();
        RunPayloadRescan Rescan() => new(storage.Contexts, new RunVault(storage.Contexts, protection, new EmailAndCardDetector(), TimeProvider.System), TimeProvider.System);

        // Act: one batch, then a "restarted" job finishes, then a third run of it finds nothing to do.
        var first = await Rescan().RunBatchAsync(1, Ct);
        var finished = await Rescan().RunAsync(1, Ct);
        var again = await Rescan().RunAsync(1, Ct);

        // Assert
        Assert.Equal((1L, false), (first.Runs, first.Completed));
        Assert.Equal((3L, true), (finished.Runs, finished.Completed));
        Assert.Equal(finished, again);
        var vault = new RunVault(storage.Contexts, protection, new EmailAndCardDetector(), TimeProvider.System);
        foreach (var runId in runs)
        {
            var rows = await RawRunRowsAsync(storage, runId);
            Assert.DoesNotContain(Email, rows, StringComparison.Ordinal);
            Assert.DoesNotContain(Card, rows, StringComparison.Ordinal);
            var stored = (await raw.GetRunAsync(runId, Ct))!;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(input), JsonNode.Parse(await vault.DetokenizeJsonAsync(runId, stored.InputJson, Ct))));
            Assert.Equal($"No reply from {Email}.", await vault.DetokenizeTextAsync(runId, stored.Error!, Ct));
        }

        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        var entry = Assert.Single(await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.RunPayloadsRescanned).ToListAsync(Ct));
        Assert.Equal(3, JsonNode.Parse(entry.DataJson!)!["runs"]!.GetValue<long>());
        Assert.True((await storage.Audit.VerifyAsync(Ct)).IsValid);
    }
}
