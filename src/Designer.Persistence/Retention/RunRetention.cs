using System.Text.Json.Nodes;
using Designer.Persistence.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Designer.Persistence;

/// <summary>
/// Purges the payloads of finished runs older than <see cref="RetentionOptions.RunPayloadDays"/>: the run's vault
/// entries are deleted (crypto-shredding: its tokens can never be revealed again), its checkpoints deleted (a finished
/// run never resumes), and the tokens in its input, output, error, trace and task rows become plain masks
/// (<c>[email]</c>). Each batch and its one <c>retention.purged</c> audit entry (counts only) commit together, so
/// the audit chain stays verifiable and holds no personal data.
/// </summary>
public sealed class RunRetention
{
    private static readonly Actor RetentionActor = new("system:retention", "Retention");

    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;
    private readonly RetentionOptions _options;

    /// <summary>Creates the purger.</summary>
    /// <param name="timeProvider">The clock the period is measured on.</param>
    /// <param name="options">The retention period.</param>
    public RunRetention(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider, IOptions<RetentionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
        _options = options.Value;
    }

    /// <summary>Purges every run past the period, batch by batch; nothing when the period is 0.</summary>
    /// <param name="cancellationToken">Stops between batches.</param>
    public async Task<RetentionPurge> PurgeAsync(CancellationToken cancellationToken)
    {
        var total = new RetentionPurge(0, 0, 0, 0, 0);
        if (_options.RunPayloadDays <= 0)
        {
            return total;
        }

        var cutoff = Clock.UtcNow(_timeProvider).AddDays(-_options.RunPayloadDays);
        while (true)
        {
            var batch = await PurgeBatchAsync(cutoff, cancellationToken);
            total = new RetentionPurge(
                total.Runs + batch.Runs, total.VaultEntries + batch.VaultEntries, total.Checkpoints + batch.Checkpoints,
                total.TraceEvents + batch.TraceEvents, total.Tasks + batch.Tasks);
            if (batch.Runs < _options.BatchSize)
            {
                return total;
            }
        }
    }

    private async Task<RetentionPurge> PurgeBatchAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);

        // A purged run has neither vault entries nor checkpoints, so it is never selected again.
        var ids = await db.Runs.AsNoTracking()
            .Where(r => (r.Status == RunStatus.Completed || r.Status == RunStatus.Faulted || r.Status == RunStatus.Cancelled) && r.EndedAt != null && r.EndedAt < cutoff
                && (db.RunVaultEntries.Any(e => e.RunId == r.Id) || db.RunCheckpoints.Any(c => c.RunId == r.Id)))
            .OrderBy(r => r.EndedAt)
            .Take(_options.BatchSize)
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return new RetentionPurge(0, 0, 0, 0, 0);
        }

        var vault = await db.RunVaultEntries.Where(e => ids.Contains(e.RunId)).ExecuteDeleteAsync(cancellationToken);
        var checkpoints = await db.RunCheckpoints.Where(c => ids.Contains(c.RunId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var run in await db.Runs.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken))
        {
            run.InputJson = RunVaultTokens.ToMasks(run.InputJson);
            run.OutputJson = run.OutputJson is null ? null : RunVaultTokens.ToMasks(run.OutputJson);
            run.Error = run.Error is null ? null : RunVaultTokens.ToMasks(run.Error);
        }

        var traceEvents = await db.TraceEvents.Where(e => ids.Contains(e.RunId)).ToListAsync(cancellationToken);
        foreach (var traceEvent in traceEvents)
        {
            traceEvent.Json = RunVaultTokens.ToMasks(traceEvent.Json);
        }

        var tasks = await db.HumanTasks.Where(t => ids.Contains(t.RunId)).ToListAsync(cancellationToken);
        foreach (var task in tasks)
        {
            task.Instructions = RunVaultTokens.ToMasks(task.Instructions);
            task.EvidenceJson = RunVaultTokens.ToMasks(task.EvidenceJson);
            task.Comment = task.Comment is null ? null : RunVaultTokens.ToMasks(task.Comment);
            task.EditsJson = task.EditsJson is null ? null : RunVaultTokens.ToMasks(task.EditsJson);
            task.Correction = task.Correction is null ? null : RunVaultTokens.ToMasks(task.Correction);
        }

        var purge = new RetentionPurge(ids.Count, vault, checkpoints, traceEvents.Count, tasks.Count);
        await db.SaveChangesAsync(cancellationToken);
        await AuditChain.AppendAsync(db, RetentionActor, AuditActions.RetentionPurged, AuditActions.RunEntityType, "retention",
            new JsonObject
            {
                ["endedBefore"] = cutoff.ToString("O"),
                ["runs"] = purge.Runs,
                ["vaultEntries"] = purge.VaultEntries,
                ["checkpoints"] = purge.Checkpoints,
                ["traceEvents"] = purge.TraceEvents,
                ["tasks"] = purge.Tasks,
            },
            Clock.UtcNow(_timeProvider),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return purge;
    }
}
