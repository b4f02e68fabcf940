using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>Jobs and the documents they work through.</summary>
public sealed partial class CollectionStore
{
    /// <inheritdoc />
    public async Task<CollectionJobRecord?> GetJobAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.CollectionJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is null ? null : CollectionJobRecord.From(job);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CollectionJobRecord>> ListJobsAsync(Guid collectionId, int take, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var jobs = await db.CollectionJobs.AsNoTracking().Where(j => j.CollectionId == collectionId)
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(take).ToListAsync(cancellationToken);
        return [.. jobs.Select(CollectionJobRecord.From)];
    }

    /// <inheritdoc />
    public async Task<CollectionJobRecord?> NextUnfinishedJobAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var job = await db.CollectionJobs.AsNoTracking()
            .Where(j => j.Status == CollectionJobStatus.Queued || j.Status == CollectionJobStatus.Running)
            .OrderBy(j => j.CreatedAt).ThenBy(j => j.Id).FirstOrDefaultAsync(cancellationToken);
        return job is null ? null : CollectionJobRecord.From(job);
    }

    /// <inheritdoc />
    public async Task StartJobAsync(Guid id, int total, int done, CancellationToken cancellationToken)
    {
        var now = Clock.UtcNow(_timeProvider);
        await UpdateJobAsync(id, job =>
        {
            job.Status = CollectionJobStatus.Running;
            job.Total = total;
            job.Done = done;
            job.DoneAtStart = done;
            job.StartedAt = now;
            job.UpdatedAt = now;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> ReportProgressAsync(Guid id, int done, string? cursor, CancellationToken cancellationToken)
    {
        var now = Clock.UtcNow(_timeProvider);
        var cancel = false;
        await UpdateJobAsync(id, job =>
        {
            job.Done = done;
            job.Cursor = cursor;
            job.UpdatedAt = now;
            cancel = job.CancelRequested;
        }, cancellationToken);
        return cancel;
    }

    /// <inheritdoc />
    public async Task FinishJobAsync(Guid id, CollectionJobStatus status, string? error, CancellationToken cancellationToken)
    {
        var now = Clock.UtcNow(_timeProvider);
        await UpdateJobAsync(id, job =>
        {
            job.Status = status;
            job.Error = error;
            job.EndedAt = now;
            job.UpdatedAt = now;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CollectionJobRecord?> RequestCancelAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = Clock.UtcNow(_timeProvider);
        var found = await UpdateJobAsync(id, job =>
        {
            if (job.Status == CollectionJobStatus.Queued)
            {
                // Nothing ran yet, so nothing needs undoing: cancel at once.
                job.Status = CollectionJobStatus.Cancelled;
                job.EndedAt = now;
            }

            if (job.Status == CollectionJobStatus.Running)
            {
                job.CancelRequested = true;
            }
        }, cancellationToken);
        return found ? await GetJobAsync(id, cancellationToken) : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CollectionDocumentRecord>> PendingDocumentsAsync(Guid jobId, int take, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.CollectionDocuments.AsNoTracking().Where(d => d.PendingJobId == jobId)
            .OrderBy(d => d.DocumentId).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    /// <inheritdoc />
    public async Task<int> CountPendingAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.CollectionDocuments.CountAsync(d => d.PendingJobId == jobId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task MarkIndexedAsync(Guid collectionId, IReadOnlyDictionary<string, int> chunkCounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunkCounts);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = chunkCounts.Keys.ToList();
        var rows = await db.CollectionDocuments.Where(d => d.CollectionId == collectionId && ids.Contains(d.DocumentId)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.ChunkCount = chunkCounts[row.DocumentId];
            row.PendingJobId = null;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CollectionDocumentRecord>> DocumentsAfterAsync(Guid collectionId, string? after, int take, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.CollectionDocuments.AsNoTracking().Where(d => d.CollectionId == collectionId);
        if (after is not null)
        {
#pragma warning disable CA1309 // Translated to SQL, where the column's collation orders; no .NET comparison runs.
            query = query.Where(d => string.Compare(d.DocumentId, after) > 0);
#pragma warning restore CA1309
        }

        var rows = await query.OrderBy(d => d.DocumentId).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    /// <inheritdoc />
    public async Task<int> CountDocumentsAsync(Guid collectionId, string? after, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.CollectionDocuments.Where(d => d.CollectionId == collectionId);
        if (after is not null)
        {
#pragma warning disable CA1309 // Translated to SQL, where the column's collation orders; no .NET comparison runs.
            query = query.Where(d => string.Compare(d.DocumentId, after) > 0);
#pragma warning restore CA1309
        }

        return await query.CountAsync(cancellationToken);
    }

    private static CollectionDocumentRecord ToRecord(CollectionDocumentEntity d) => new(d.DocumentId, d.Text, d.MetadataJson, d.ChunkCount);

    /// <summary>Loads, changes and saves one job, retrying once on a concurrent write (the worker and a cancel request race).</summary>
    private async Task<bool> UpdateJobAsync(Guid id, Action<CollectionJobEntity> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
            var job = await db.CollectionJobs.SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
            if (job is null)
            {
                return false;
            }

            change(job);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Another writer changed the row between our read and write; re-read and apply again.
            }
        }
    }
}
