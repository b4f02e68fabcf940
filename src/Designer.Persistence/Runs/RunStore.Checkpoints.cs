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
            await SaveAsync(db, state, cancellationToken);
            state?.LastCheckpoint = sequence;
            return sequence;
        }, cancellationToken);
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
