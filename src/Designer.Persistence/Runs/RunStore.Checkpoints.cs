using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

public sealed partial class RunStore
{
    /// <inheritdoc />
    public Task AppendCheckpointAsync(Guid runId, RunCheckpointRecord checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return WriteAsync(runId, async (db, state) =>
        {
            var sequence = await AddCheckpointAsync(db, runId, state, checkpoint, cancellationToken);
            await SaveAsync(db, state, cancellationToken);
            state?.LastCheckpoint = sequence;
            return sequence;
        }, cancellationToken);
    }

    /// <summary>
    /// Adds <paramref name="checkpoint"/> after the run's last one (its JSON tokenised where the run has a PII vault)
    /// and returns its sequence; the caller saves, so a checkpoint written with trace events lands in one transaction.
    /// </summary>
    private async Task<long> AddCheckpointAsync(DesignerDbContext db, Guid runId, RunWriteState? state, RunCheckpointRecord checkpoint, CancellationToken cancellationToken)
    {
        var sequence = await LastCheckpointAsync(db, runId, state, cancellationToken) + 1;
        var vault = await VaultAsync(db, runId, state, cancellationToken);
        db.RunCheckpoints.Add(new RunCheckpointEntity
        {
            RunId = runId,
            CheckpointId = checkpoint.CheckpointId,
            ParentId = checkpoint.ParentId,
            Json = vault?.TokenizeJson(checkpoint.Json) ?? checkpoint.Json,
            CreatedAt = checkpoint.CreatedAt,
            Sequence = sequence,
        });
        return sequence;
    }

    /// <inheritdoc />
    public async Task<RunCheckpointRecord?> GetCheckpointAsync(Guid runId, string checkpointId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.RunCheckpoints.AsNoTracking()
            .Where(c => c.RunId == runId && c.CheckpointId == checkpointId)
            .Select(c => new RunCheckpointRecord(c.CheckpointId, c.ParentId, c.Json, c.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunCheckpointRecord>> ListCheckpointsAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.RunCheckpoints.AsNoTracking()
            .Where(c => c.RunId == runId)
            .OrderBy(c => c.Sequence)
            .Select(c => new RunCheckpointRecord(c.CheckpointId, c.ParentId, c.Json, c.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<TraceEventRecord> AppendTraceAsync(Guid runId, string kind, string? nodeId, string json, DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(json);
        return WriteAsync(runId, async (db, state) =>
        {
            var sequence = await LastTraceAsync(db, runId, state, cancellationToken) + 1;
            var vault = await VaultAsync(db, runId, state, cancellationToken);
            var stored = vault?.TokenizeJson(json) ?? json;
            db.TraceEvents.Add(new TraceEventEntity
            {
                RunId = runId,
                Sequence = sequence,
                Kind = kind,
                NodeId = nodeId,
                Json = stored,
                Timestamp = timestamp,
            });
            await SaveAsync(db, state, cancellationToken);
            state?.LastTrace = sequence;
            return new TraceEventRecord(runId, sequence, kind, nodeId, stored, timestamp);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TraceEventRecord>> ListTraceAsync(Guid runId, long afterSequence, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.TraceEvents.AsNoTracking()
            .Where(e => e.RunId == runId && e.Sequence > afterSequence)
            .OrderBy(e => e.Sequence)
            .Take(max)
            .Select(e => new TraceEventRecord(e.RunId, e.Sequence, e.Kind, e.NodeId, e.Json, e.Timestamp))
            .ToListAsync(cancellationToken);
    }
}
