using System.Text.Json.Nodes;
using Designer.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>
/// Issue 14 item 1 for rows written before the vault existed: run input, output and error, checkpoints, trace events
/// and human-task fields are passed through the same <see cref="RunVault"/> as new writes, so clear PII becomes
/// tokens. Batch by batch in run-id order; each batch, the cursor (<see cref="MaintenanceProgressEntity"/>) and, at
/// the end, the one <see cref="AuditActions.RunPayloadsRescanned"/> entry commit in the serialised governance
/// transaction, so hosts running it together neither repeat a batch nor write two entries, and a restart resumes
/// after the last committed batch. Idempotent: a tokenised value is never tokenised again.
/// </summary>
public sealed class RunPayloadRescan
{
    /// <summary>The progress row's name.</summary>
    public const string JobName = "run-payload-rescan-v1";

    private static readonly Actor RescanActor = new("system:pii-rescan", "PII re-scan");

    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly RunVault _vault;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the job.</summary>
    /// <param name="vault">The run vault new writes use.</param>
    public RunPayloadRescan(IDbContextFactory<DesignerDbContext> contextFactory, RunVault vault, TimeProvider timeProvider)
    {
        _contextFactory = contextFactory;
        _vault = vault;
        _timeProvider = timeProvider;
    }

    /// <summary>Runs batches until the job is finished (or was already).</summary>
    /// <param name="batchSize">Runs per batch (and transaction).</param>
    /// <param name="cancellationToken">Cancellation; a cancelled job resumes after its last committed batch.</param>
    /// <returns>The job's progress row as it ends.</returns>
    public async Task<RunPayloadRescanProgress> RunAsync(int batchSize, CancellationToken cancellationToken)
    {
        while (true)
        {
            var progress = await RunBatchAsync(batchSize, cancellationToken);
            if (progress.Completed)
            {
                return progress;
            }
        }
    }

    /// <summary>Scans the next batch of runs after the cursor; the last (short) batch also finishes the job and audits it.</summary>
    /// <param name="batchSize">Runs per batch.</param>
    /// <returns>The progress after the batch.</returns>
    public async Task<RunPayloadRescanProgress> RunBatchAsync(int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var progress = await db.MaintenanceProgress.SingleOrDefaultAsync(p => p.Name == JobName, cancellationToken);
        if (progress is null)
        {
            progress = new MaintenanceProgressEntity { Name = JobName };
            db.MaintenanceProgress.Add(progress);
        }

        if (progress.CompletedAt is not null)
        {
            return RunPayloadRescanProgress.From(progress);
        }

        var query = db.Runs.AsNoTracking();
        if (progress.LastRunId is { } last)
        {
            query = query.Where(r => r.Id > last);
        }

        var ids = await query.OrderBy(r => r.Id).Take(batchSize).Select(r => r.Id).ToListAsync(cancellationToken);
        foreach (var runId in ids)
        {
            progress.Changed += await RescanRunAsync(db, runId, cancellationToken);
        }

        progress.Runs += ids.Count;
        progress.LastRunId = ids.Count > 0 ? ids[^1] : progress.LastRunId;
        if (ids.Count < batchSize)
        {
            progress.CompletedAt = Clock.UtcNow(_timeProvider);
            await db.SaveChangesAsync(cancellationToken);

            // A database that had no runs had nothing to re-scan: no entry to explain.
            if (progress.Runs > 0)
            {
                await AuditChain.AppendAsync(db, RescanActor, AuditActions.RunPayloadsRescanned, AuditActions.RunEntityType, JobName,
                    new JsonObject { ["runs"] = progress.Runs, ["changedValues"] = progress.Changed }, Clock.UtcNow(_timeProvider), cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RunPayloadRescanProgress.From(progress);
    }

    private async Task<long> RescanRunAsync(DesignerDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        // New vault entries are added to this context and commit with the rewritten rows.
        var vault = await _vault.OpenAsync(db, runId, readOnly: false, cancellationToken);
        var changed = 0L;
        string? Json(string? value) => Counted(value, vault.TokenizeJson(value));
        string? Text(string? value) => Counted(value, vault.TokenizeText(value));
        string? Counted(string? before, string? after)
        {
            changed += string.Equals(before, after, StringComparison.Ordinal) ? 0 : 1;
            return after;
        }

        var run = await db.Runs.SingleAsync(r => r.Id == runId, cancellationToken);
        run.InputJson = Json(run.InputJson) ?? run.InputJson;
        run.OutputJson = Json(run.OutputJson);
        run.Error = Text(run.Error);
        foreach (var checkpoint in await db.RunCheckpoints.Where(c => c.RunId == runId).ToListAsync(cancellationToken))
        {
            checkpoint.Json = Json(checkpoint.Json) ?? checkpoint.Json;
        }

        foreach (var traceEvent in await db.TraceEvents.Where(e => e.RunId == runId).ToListAsync(cancellationToken))
        {
            traceEvent.Json = Json(traceEvent.Json) ?? traceEvent.Json;
        }

        foreach (var task in await db.HumanTasks.Where(t => t.RunId == runId).ToListAsync(cancellationToken))
        {
            task.Instructions = Text(task.Instructions) ?? task.Instructions;
            task.EvidenceJson = Json(task.EvidenceJson) ?? task.EvidenceJson;
            task.Comment = Text(task.Comment);
            task.EditsJson = Json(task.EditsJson);
            task.Correction = Text(task.Correction);
        }

        return changed;
    }
}
