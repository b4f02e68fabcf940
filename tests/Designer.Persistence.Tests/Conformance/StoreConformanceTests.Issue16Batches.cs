using Designer.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 16 item 1 (batch runs): batches and rows stored with their audit entry, progress and idempotent row starts.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task Create_Issue16Batch_RowsAndAuditEntryStoredTogetherProgressPending()
    {
        // Arrange
        var storage = Storage;
        var batches = storage.Services.GetRequiredService<IBatchStore>();
        var created = await CreateAsync(storage, "Batch " + Guid.NewGuid().ToString("N")[..6]);
        var rows = Enumerable.Range(2, 3).Select(l => new NewBatchRow(l, $$"""{"amount":{{l}}}""")).ToList();

        // Act
        var result = await batches.CreateAsync(created.Workflow.Id, "csv", 1, rows, Alice, Ct);
        var missing = await batches.CreateAsync(Guid.NewGuid(), "csv", 0, rows, Alice, Ct);

        // Assert
        Assert.True(result.IsSuccess, result.Error?.Detail);
        var batch = (await batches.GetAsync(result.Value.Id, Ct))!;
        Assert.Equal((3, 1, "csv", Alice.Id), (batch.RowCount, batch.SkippedCount, batch.Format, batch.CreatedById));
        Assert.Equal(new BatchProgress(3, 0, 0, 0, 0), batch.Progress);
        Assert.False(batch.Finished);
        Assert.Equal([2, 3, 4], (await batches.ListRowsAsync(batch.Id, Ct)).Select(r => r.Line));
        Assert.Equal(batch.Id, Assert.Single(await batches.ListAsync(created.Workflow.Id, 10, Ct)).Id);
        Assert.Contains(batch.Id, (await batches.ListUndispatchedAsync(Ct)).Select(b => b.Id));
        var audit = await storage.Audit.ListAsync(1, 50, created.Workflow.Id.ToString("D"), Ct);
        Assert.Contains(audit.Items, e => e.Action == BatchAuditActions.Created && e.DataJson!.Contains(batch.Id.ToString("D"), StringComparison.Ordinal));
        Assert.False(missing.IsSuccess);
        Assert.Equal(OperationErrorKind.NotFound, missing.Error!.Kind);
    }

    [Fact]
    public async Task Rows_Issue16Batch_RunIdRecordedOnceStartedRowsLoseInputProgressFollowsRuns()
    {
        // Arrange
        var storage = Storage;
        var batches = storage.Services.GetRequiredService<IBatchStore>();
        var created = await CreateAsync(storage, "Batch rows " + Guid.NewGuid().ToString("N")[..6]);
        var batch = (await batches.CreateAsync(created.Workflow.Id, "ndjson", 0, [new(1, "{}"), new(2, "{}"), new(3, "{}")], Alice, Ct)).Value!;
        var firstId = Guid.CreateVersion7();

        // Act: two workers race for line 1: the first recorded id wins; the run is created under it.
        var assigned = await batches.AssignRunAsync(batch.Id, 1, firstId, Ct);
        var again = await batches.AssignRunAsync(batch.Id, 1, Guid.CreateVersion7(), Ct);
        var run = await storage.Runs.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host", assigned), Alice, Ct);
        var duplicate = await Record.ExceptionAsync(() => storage.Runs.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host", assigned), Alice, Ct));
        await batches.MarkStartedAsync(batch.Id, 1, null, Ct);
        var midway = (await batches.GetAsync(batch.Id, Ct))!.Progress;
        var running = await batches.CountRunningAsync(batch.Id, Ct);
        await storage.Runs.TransitionAsync(run.Id, [RunStatus.Running], new RunTransition(RunStatus.Completed, "{}", "end"), Ct);
        await batches.MarkStartedAsync(batch.Id, 2, "The workflow has no active version.", Ct);
        var pending = await batches.NextPendingAsync(batch.Id, 10, Ct);
        var notYet = await batches.TryMarkDispatchedAsync(batch.Id, Ct);
        var secondRunId = await batches.AssignRunAsync(batch.Id, 3, Guid.CreateVersion7(), Ct);
        await storage.Runs.CreateRunAsync(new NewRun(created.Workflow.Id, 1, "sha256:x", "{}", "host", secondRunId), Alice, Ct);
        await batches.MarkStartedAsync(batch.Id, 3, null, Ct);
        var dispatched = await batches.TryMarkDispatchedAsync(batch.Id, Ct);

        // Assert
        Assert.Equal(firstId, assigned);
        Assert.Equal(firstId, again);
        Assert.Equal(firstId, run.Id);
        Assert.NotNull(duplicate);
        Assert.Equal(new BatchProgress(2, 1, 0, 0, 0), midway);
        Assert.Equal(1, running);
        Assert.Equal([3], pending.Select(p => p.Line));
        Assert.False(notYet);
        Assert.True(dispatched);
        var final = (await batches.GetAsync(batch.Id, Ct))!;
        Assert.Equal(new BatchProgress(0, 1, 0, 1, 1), final.Progress);
        Assert.NotNull(final.DispatchedAt);
        Assert.DoesNotContain(batch.Id, (await batches.ListUndispatchedAsync(Ct)).Select(b => b.Id));
        var rows = await batches.ListRowsAsync(batch.Id, Ct);
        Assert.Equal((BatchRowStatus.Succeeded, firstId, "end"), (rows[0].Status, rows[0].RunId!.Value, rows[0].EndNode));
        Assert.Equal((BatchRowStatus.Failed, (Guid?)null, "The workflow has no active version."), (rows[1].Status, rows[1].RunId, rows[1].Error));
        Assert.Equal(BatchRowStatus.Running, rows[2].Status);
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.BatchRows.CountAsync(r => r.BatchId == batch.Id && r.InputJson != null, Ct));
    }
}
