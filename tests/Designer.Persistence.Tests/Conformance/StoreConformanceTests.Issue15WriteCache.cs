using System.Text.Json.Nodes;
using Designer.Persistence.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 15 items 1–2: a held run's writes read its vault and sequences once, on SQLite and PostgreSQL.</summary>
public abstract partial class StoreConformanceTests
{
    private const int PiiValues = 12;
    private const int Writes = 10;

    [Fact]
    public async Task Writes_Issue15HeldRun_VaultAndSequencesReadOncePerHoldNotPerWrite()
    {
        // Arrange: a run whose input holds many sensitive values, so each vault read decrypts all of them.
        var storage = Storage;
        var counter = new SqlCommandCounter(storage);
        var vault = new RunVault(storage.Contexts, new EphemeralDataProtectionProvider(), new EmailAndCardDetector(), TimeProvider.System);
        var store = new RunStore(counter.Contexts, TimeProvider.System, vault);
        var created = await CreateAsync(storage, "Held " + Guid.NewGuid().ToString("N")[..6]);
        var input = ManyEmails();
        var run = await store.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", input.ToJsonString(), "host"), Alice, Ct);

        // Act: the same writes, first as a writer that does not own the run, then while the run is held.
        counter.Reset();
        await WriteManyAsync(store, run.Id, input, "a");
        var unheldVaultReads = counter.Reads("RunVaultEntries");
        counter.Reset();
        store.Hold(run.Id);
        try
        {
            await WriteManyAsync(store, run.Id, input, "b");
            await store.TransitionAsync(run.Id, [RunStatus.Running], new RunTransition(RunStatus.Completed, input.ToJsonString()), Ct);
        }
        finally
        {
            store.Release(run.Id);
        }

        // Assert: per write before, once per hold now; the rows are numbered on and hold tokens the vault resolves.
        Assert.Equal(2 * Writes, unheldVaultReads);
        Assert.Equal(1, counter.Reads("RunVaultEntries"));
        Assert.Equal(1, counter.Reads("TraceEvents"));
        Assert.Equal(1, counter.Reads("RunCheckpoints"));
        var trace = await store.ListTraceAsync(run.Id, 0, 100, Ct);
        Assert.Equal(Enumerable.Range(1, 2 * Writes).Select(i => (long)i), trace.Select(e => e.Sequence));
        var checkpoints = await store.ListCheckpointsAsync(run.Id, Ct);
        Assert.Equal(2 * Writes, checkpoints.Count);
        Assert.Equal("b9", checkpoints[^1].CheckpointId);
        var raw = await RawRunRowsAsync(storage, run.Id);
        Assert.DoesNotContain("@example.com", raw, StringComparison.Ordinal);
        var output = (await store.GetRunAsync(run.Id, Ct))!.OutputJson!;
        Assert.True(JsonNode.DeepEquals(input, JsonNode.Parse(await vault.DetokenizeJsonAsync(run.Id, output, Ct))));
        Assert.True(JsonNode.DeepEquals(input, JsonNode.Parse(await vault.DetokenizeJsonAsync(run.Id, trace[^1].Json, Ct))));
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        Assert.Equal(PiiValues, await db.RunVaultEntries.CountAsync(e => e.RunId == run.Id, Ct));
    }

    [Fact]
    public async Task FailedWrite_Issue15HeldRun_VaultEntryOfTheFailedWriteIsNotReused()
    {
        // Arrange
        var storage = Storage;
        var (store, vault) = VaultStore(storage);
        var created = await CreateAsync(storage, "Fail " + Guid.NewGuid().ToString("N")[..6]);
        var run = await store.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host"), Alice, Ct);
        var fresh = new JsonObject { ["email"] = "late.comer@example.com" }.ToJsonString();
        store.Hold(run.Id);
        try
        {
            await store.AppendCheckpointAsync(run.Id, new RunCheckpointRecord("c1", null, "{}", DateTimeOffset.UtcNow), Ct);

            // Act: a write that tokenises a new value, then fails (duplicate checkpoint id), then a write of that value.
            await Assert.ThrowsAnyAsync<DbUpdateException>(() =>
                store.AppendCheckpointAsync(run.Id, new RunCheckpointRecord("c1", null, fresh, DateTimeOffset.UtcNow), Ct));
            await store.AppendCheckpointAsync(run.Id, new RunCheckpointRecord("c2", "c1", fresh, DateTimeOffset.UtcNow), Ct);
        }
        finally
        {
            store.Release(run.Id);
        }

        // Assert: the value's token resolves (its entry was written with the write that used it), numbering goes on.
        var checkpoints = await store.ListCheckpointsAsync(run.Id, Ct);
        Assert.Equal(["c1", "c2"], checkpoints.Select(c => c.CheckpointId));
        Assert.True(RunVaultTokens.ContainsToken(checkpoints[1].Json));
        Assert.Equal(fresh, await vault.DetokenizeJsonAsync(run.Id, checkpoints[1].Json, Ct));
    }

    [Fact]
    public async Task NewHold_Issue15RowsWrittenMeanwhile_SequencesContinueFromTheDatabase()
    {
        // Arrange: a first execution, then a write by another writer (another host recovering the run).
        var storage = Storage;
        var (store, _) = VaultStore(storage);
        var (other, _) = VaultStore(storage);
        var created = await CreateAsync(storage, "Rehold " + Guid.NewGuid().ToString("N")[..6]);
        var run = await store.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host"), Alice, Ct);
        store.Hold(run.Id);
        await store.AppendTraceAsync(run.Id, "node.completed", "a", "{}", DateTimeOffset.UtcNow, Ct);
        store.Release(run.Id);
        await other.AppendTraceAsync(run.Id, "node.completed", "b", "{}", DateTimeOffset.UtcNow, Ct);

        // Act
        store.Hold(run.Id);
        var next = await store.AppendTraceAsync(run.Id, "node.completed", "c", "{}", DateTimeOffset.UtcNow, Ct);
        store.Release(run.Id);

        // Assert
        Assert.Equal(3, next.Sequence);
    }

    private static JsonObject ManyEmails()
    {
        var input = new JsonObject();
        for (var i = 0; i < PiiValues; i++)
        {
            input[$"contact{i}"] = $"person.{(char)('a' + i)}@example.com";
        }

        return input;
    }

    private static async Task WriteManyAsync(RunStore store, Guid runId, JsonObject payload, string prefix)
    {
        for (var i = 0; i < Writes; i++)
        {
            await store.AppendCheckpointAsync(runId, new RunCheckpointRecord(prefix + i, null, payload.ToJsonString(), DateTimeOffset.UtcNow), Ct);
            await store.AppendTraceAsync(runId, "node.completed", "n" + i, payload.ToJsonString(), DateTimeOffset.UtcNow, Ct);
        }
    }
}
