using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 15 item 1: a superstep's trace rows with its checkpoint, a run's last rows with its final status, on SQLite and PostgreSQL.</summary>
public abstract partial class StoreConformanceTests
{
    private const string BatchEmail = "batch.person@example.com";

    [Fact]
    public async Task AppendRunWrites_Issue15RowsWithCheckpoint_OneTransactionNumberedOnAndTokenised()
    {
        // Arrange
        var storage = Storage;
        var (store, vault) = VaultStore(storage);
        var created = await CreateAsync(storage, "Batch " + Guid.NewGuid().ToString("N")[..6]);
        var run = await store.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host"), Alice, Ct);
        await store.AppendTraceAsync(run.Id, "node.invoked", "start", "{}", DateTimeOffset.UtcNow, Ct);
        var payload = new JsonObject { ["email"] = BatchEmail }.ToJsonString();

        // Act
        var stored = await store.AppendRunWritesAsync(
            run.Id,
            new RunCheckpointRecord("c1", null, payload, DateTimeOffset.UtcNow),
            [Row("node.completed", "start", payload), Row("node.invoked", "check", "{}"), Row("node.completed", "check", "{}")],
            Ct);

        // Assert: numbered after the existing row, values as tokens.
        Assert.Equal([2L, 3L, 4L], stored.Select(r => r.Sequence));
        Assert.Equal([1L, 2L, 3L, 4L], (await store.ListTraceAsync(run.Id, 0, 10, Ct)).Select(r => r.Sequence));
        Assert.Equal(["c1"], (await store.ListCheckpointsAsync(run.Id, Ct)).Select(c => c.CheckpointId));
        Assert.DoesNotContain(BatchEmail, await RawRunRowsAsync(storage, run.Id), StringComparison.Ordinal);
        Assert.Equal(payload, await vault.DetokenizeJsonAsync(run.Id, stored[0].Json, Ct));
    }

    [Fact]
    public async Task AppendRunWrites_Issue15CheckpointFails_NoRowOfTheBatchIsStored()
    {
        // Arrange
        var storage = Storage;
        var (store, _) = VaultStore(storage);
        var created = await CreateAsync(storage, "Atomic " + Guid.NewGuid().ToString("N")[..6]);
        var run = await store.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host"), Alice, Ct);
        store.Hold(run.Id);
        try
        {
            await store.AppendRunWritesAsync(run.Id, new RunCheckpointRecord("c1", null, "{}", DateTimeOffset.UtcNow), [Row("node.completed", "a", "{}")], Ct);

            // Act: the same checkpoint id again fails the whole transaction, rows included; the next batch numbers on.
            await Assert.ThrowsAnyAsync<DbUpdateException>(() =>
                store.AppendRunWritesAsync(run.Id, new RunCheckpointRecord("c1", null, "{}", DateTimeOffset.UtcNow), [Row("node.completed", "b", "{}")], Ct));
            await store.AppendRunWritesAsync(run.Id, new RunCheckpointRecord("c2", "c1", "{}", DateTimeOffset.UtcNow), [Row("node.completed", "c", "{}")], Ct);
        }
        finally
        {
            store.Release(run.Id);
        }

        // Assert
        var trace = await store.ListTraceAsync(run.Id, 0, 10, Ct);
        Assert.Equal(["a", "c"], trace.Select(r => r.NodeId));
        Assert.Equal([1L, 2L], trace.Select(r => r.Sequence));
        Assert.Equal(["c1", "c2"], (await store.ListCheckpointsAsync(run.Id, Ct)).Select(c => c.CheckpointId));
    }

    [Fact]
    public async Task TransitionWithTrace_Issue15_RowsAndStatusTogetherAndRowsKeptWhenTheChangeDoesNotApply()
    {
        // Arrange
        var storage = Storage;
        var (store, vault) = VaultStore(storage);
        var created = await CreateAsync(storage, "Final " + Guid.NewGuid().ToString("N")[..6]);
        var completed = await store.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host"), Alice, Ct);
        var cancelled = await store.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host"), Alice, Ct);
        await store.TransitionAsync(cancelled.Id, [RunStatus.Running], new RunTransition(RunStatus.Cancelled, Error: "Cancelled by an operator."), Ct);
        var output = new JsonObject { ["email"] = BatchEmail }.ToJsonString();

        // Act
        var done = await store.TransitionWithTraceAsync(completed.Id, [RunStatus.Running], new RunTransition(RunStatus.Completed, output, "end", AddCost: 0.5m), [Row("node.completed", "end", output), Row("output", "end", output)], Ct);
        var late = await store.TransitionWithTraceAsync(cancelled.Id, [RunStatus.Running], new RunTransition(RunStatus.Completed, "{}", "end"), [Row("node.completed", "end", "{}")], Ct);

        // Assert
        Assert.Equal(RunStatus.Completed, done.Run!.Status);
        Assert.NotNull(done.Run.EndedAt);
        Assert.Equal(0.5m, done.Run.Cost);
        Assert.Equal(output, await vault.DetokenizeJsonAsync(completed.Id, done.Run.OutputJson!, Ct));
        Assert.Equal(["node.completed", "output"], (await store.ListTraceAsync(completed.Id, 0, 10, Ct)).Select(r => r.Kind));
        Assert.Equal([1L, 2L], done.Trace.Select(r => r.Sequence));
        Assert.Null(late.Run);
        Assert.Equal(RunStatus.Cancelled, (await store.GetRunAsync(cancelled.Id, Ct))!.Status);
        Assert.Single(await store.ListTraceAsync(cancelled.Id, 0, 10, Ct));
    }

    private static NewTraceEvent Row(string kind, string nodeId, string json) => new(kind, nodeId, json, DateTimeOffset.UtcNow);
}
