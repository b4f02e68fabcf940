using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

public sealed partial class RunStore
{
    /// <inheritdoc />
    public async Task AppendCheckpointAsync(Guid runId, RunCheckpointRecord checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.RunCheckpoints.Where(c => c.RunId == runId).MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0;
        var vault = await OpenVaultAsync(db, runId, cancellationToken);
        db.RunCheckpoints.Add(new RunCheckpointEntity
        {
            RunId = runId,
            CheckpointId = checkpoint.CheckpointId,
            ParentId = checkpoint.ParentId,
            Json = vault?.TokenizeJson(checkpoint.Json) ?? checkpoint.Json,
            CreatedAt = checkpoint.CreatedAt,
            Sequence = last + 1,
        });
        await db.SaveChangesAsync(cancellationToken);
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
    public async Task<TraceEventRecord> AppendTraceAsync(Guid runId, string kind, string? nodeId, string json, DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(json);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.TraceEvents.Where(e => e.RunId == runId).MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var vault = await OpenVaultAsync(db, runId, cancellationToken);
        json = vault?.TokenizeJson(json) ?? json;
        var entity = new TraceEventEntity
        {
            RunId = runId,
            Sequence = last + 1,
            Kind = kind,
            NodeId = nodeId,
            Json = json,
            Timestamp = timestamp,
        };
        db.TraceEvents.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return new TraceEventRecord(runId, entity.Sequence, kind, nodeId, json, timestamp);
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
