using System.Text.Json.Nodes;
using Designer.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>
/// EF Core implementation of <see cref="IBatchStore"/> for SQLite and PostgreSQL. A waiting row's input is a customer
/// record that has not reached a run (and its vault) yet, so it is stored encrypted with Data Protection — the key ring
/// every host shares — and dropped once its run holds it.
/// </summary>
public sealed class BatchStore : IBatchStore
{
    private const string Purpose = "Designer.BatchRows.v1";

    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;
    private readonly IDataProtector? _protector;

    /// <summary>Creates the store.</summary>
    /// <param name="timeProvider">Supplies timestamps and version 7 ids.</param>
    /// <param name="protection">Encrypts waiting rows' inputs; null (stores without a key ring) keeps them as given.</param>
    public BatchStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider, IDataProtectionProvider? protection = null)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
        _protector = protection?.CreateProtector(Purpose);
    }

    /// <inheritdoc />
    public async Task<OperationResult<BatchRecord>> CreateAsync(Guid workflowId, string format, int skipped, IReadOnlyList<NewBatchRow> rows, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(format);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await AuditedRowChange.AddToWorkflowAsync(db, _timeProvider, workflowId, now =>
        {
            var batch = new BatchEntity
            {
                Id = Guid.CreateVersion7(now),
                WorkflowId = workflowId,
                Format = format,
                RowCount = rows.Count,
                SkippedCount = skipped,
                CreatedById = actor.Id,
                CreatedByName = actor.Name,
                CreatedAt = now,
                DispatchedAt = rows.Count == 0 ? now : null,
            };
            db.Batches.Add(batch);
            db.BatchRows.AddRange(rows.Select(r => new BatchRowEntity { BatchId = batch.Id, Line = r.Line, InputJson = _protector?.Protect(r.InputJson) ?? r.InputJson }));
            var data = new JsonObject
            {
                ["batchId"] = batch.Id.ToString("D"),
                ["format"] = format,
                ["rows"] = rows.Count,
                ["skipped"] = skipped,
            };
            var entry = new AuditDraft(actor, BatchAuditActions.Created, AuditActions.WorkflowEntityType, workflowId.ToString("D"), data);
            var record = From(batch, new BatchProgress(rows.Count, 0, 0, 0, 0));
            return new AuditedOutcome<OperationResult<BatchRecord>>(OperationResults.Success(record), [entry]);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<BatchRecord?> GetAsync(Guid batchId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        return batch is null ? null : From(batch, Count(await RowsAsync(db, batchId, cancellationToken)));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BatchRecord>> ListAsync(Guid workflowId, int max, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var batches = await db.Batches.AsNoTracking().Where(b => b.WorkflowId == workflowId).ToListAsync(cancellationToken);

        // Sorted here: SQLite cannot order by DateTimeOffset. Version 7 ids sort by creation time too.
        var newest = batches.OrderByDescending(b => b.Id).Take(max).ToList();
        var result = new List<BatchRecord>(newest.Count);
        foreach (var batch in newest)
        {
            result.Add(From(batch, Count(await RowsAsync(db, batch.Id, cancellationToken))));
        }

        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BatchRowRecord>> ListRowsAsync(Guid batchId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return [.. (await RowsAsync(db, batchId, cancellationToken)).Select(r => new BatchRowRecord(r.Line, StatusOf(r), r.RunId, r.RunStatus, r.EndNode, r.Error ?? r.RunError))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<BatchRecord>> ListUndispatchedAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var batches = await db.Batches.AsNoTracking().Where(b => b.DispatchedAt == null).ToListAsync(cancellationToken);

        // The worker needs no progress here; it counts what it needs per batch.
        return [.. batches.OrderBy(b => b.Id).Select(b => From(b, new BatchProgress(0, 0, 0, 0, 0)))];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingBatchRow>> NextPendingAsync(Guid batchId, int max, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.BatchRows.AsNoTracking()
            .Where(r => r.BatchId == batchId && r.StartedAt == null)
            .OrderBy(r => r.Line).Take(max)
            .Select(r => new { r.Line, r.InputJson, r.RunId })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PendingBatchRow(r.Line, r.InputJson is null ? "{}" : _protector?.Unprotect(r.InputJson) ?? r.InputJson, r.RunId))];
    }

    /// <inheritdoc />
    public async Task<int> CountRunningAsync(Guid batchId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await (from row in db.BatchRows
                      join run in db.Runs on row.RunId equals (Guid?)run.Id
                      where row.BatchId == batchId && run.Status == RunStatus.Running
                      select row.Line).CountAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Guid> AssignRunAsync(Guid batchId, int line, Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);

        // Conditional: of two workers racing for a row, the first id recorded is the one both start under.
        await db.BatchRows.Where(r => r.BatchId == batchId && r.Line == line && r.RunId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RunId, runId), cancellationToken);
        return await db.BatchRows.Where(r => r.BatchId == batchId && r.Line == line).Select(r => r.RunId).SingleAsync(cancellationToken) ?? runId;
    }

    /// <inheritdoc />
    public async Task MarkStartedAsync(Guid batchId, int line, string? error, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var now = Clock.UtcNow(_timeProvider);
        if (error is null)
        {
            // The run holds the input now (its sensitive values in the run vault): the row keeps no copy.
            await db.BatchRows.Where(r => r.BatchId == batchId && r.Line == line)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, now).SetProperty(r => r.InputJson, (string?)null), cancellationToken);
            return;
        }

        var text = error.Length <= ErrorLength ? error : error[..(ErrorLength - 1)] + "…";
        await db.BatchRows.Where(r => r.BatchId == batchId && r.Line == line)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StartedAt, now).SetProperty(r => r.Error, text).SetProperty(r => r.RunId, (Guid?)null).SetProperty(r => r.InputJson, (string?)null), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryMarkDispatchedAsync(Guid batchId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BatchRows.AnyAsync(r => r.BatchId == batchId && r.StartedAt == null, cancellationToken))
        {
            return false;
        }

        var now = Clock.UtcNow(_timeProvider);
        await db.Batches.Where(b => b.Id == batchId && b.DispatchedAt == null).ExecuteUpdateAsync(s => s.SetProperty(b => b.DispatchedAt, now), cancellationToken);
        return true;
    }

    /// <summary>Longest refusal reason kept per row.</summary>
    internal const int ErrorLength = 2000;

    private static async Task<List<RowState>> RowsAsync(DesignerDbContext db, Guid batchId, CancellationToken cancellationToken) =>
        await (from row in db.BatchRows.AsNoTracking()
               where row.BatchId == batchId
               join run in db.Runs.AsNoTracking() on row.RunId equals (Guid?)run.Id into runs
               from run in runs.DefaultIfEmpty()
               orderby row.Line
               select new RowState(row.Line, row.RunId, row.StartedAt != null, row.Error, run == null ? null : run.Status, run == null ? null : run.EndNode, run == null ? null : run.Error))
            .ToListAsync(cancellationToken);

    private static BatchRowStatus StatusOf(RowState row) => row switch
    {
        { Started: false } => BatchRowStatus.Pending,
        { Error: not null } => BatchRowStatus.Failed,
        { RunStatus: RunStatus.Running } => BatchRowStatus.Running,
        { RunStatus: RunStatus.WaitingForHuman } => BatchRowStatus.Waiting,
        { RunStatus: RunStatus.Completed } => BatchRowStatus.Succeeded,
        _ => BatchRowStatus.Failed,
    };

    private static BatchProgress Count(List<RowState> rows)
    {
        var counts = rows.GroupBy(StatusOf).ToDictionary(g => g.Key, g => g.Count());
        return new BatchProgress(
            counts.GetValueOrDefault(BatchRowStatus.Pending), counts.GetValueOrDefault(BatchRowStatus.Running), counts.GetValueOrDefault(BatchRowStatus.Waiting),
            counts.GetValueOrDefault(BatchRowStatus.Succeeded), counts.GetValueOrDefault(BatchRowStatus.Failed));
    }

    private static BatchRecord From(BatchEntity b, BatchProgress progress) =>
        new(b.Id, b.WorkflowId, b.Format, b.RowCount, b.SkippedCount, b.CreatedById, b.CreatedByName, b.CreatedAt, b.DispatchedAt, progress);

    private sealed record RowState(int Line, Guid? RunId, bool Started, string? Error, RunStatus? RunStatus, string? EndNode, string? RunError);
}
