using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>The durable live-shadow queue: live runs mirrored to a shadow rollout, leased to one worker at a time.</summary>
public sealed partial class RolloutStore
{
    /// <inheritdoc />
    public async Task<bool> EnqueueMirrorAsync(RolloutRecord rollout, Guid runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        var now = _timeProvider.GetUtcNow();
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        db.RolloutMirrors.Add(new RolloutMirrorEntity
        {
            Id = Guid.CreateVersion7(now),
            RolloutId = rollout.Id,
            WorkflowId = rollout.WorkflowId,
            CandidateVersion = rollout.CandidateVersion,
            RunId = runId,
            EnqueuedAtMs = now.ToUnixTimeMilliseconds(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (Designer.Persistence.Data.DbErrors.IsUniqueViolation(ex))
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<int> TrimMirrorsAsync(int capacity, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var excess = await db.RolloutMirrors.CountAsync(cancellationToken) - capacity;
        if (excess <= 0)
        {
            return 0;
        }

        var oldest = await db.RolloutMirrors.AsNoTracking()
            .OrderBy(m => m.EnqueuedAtMs).ThenBy(m => m.Id)
            .Take(excess).Select(m => m.Id)
            .ToListAsync(cancellationToken);
        return await db.RolloutMirrors.Where(m => oldest.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RolloutMirrorRecord>> ClaimMirrorsAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)lease.TotalMilliseconds;
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.RolloutMirrors.AsNoTracking()
            .Where(m => m.LeaseUntilMs <= now)
            .OrderBy(m => m.EnqueuedAtMs).ThenBy(m => m.Id)
            .Take(max)
            .Select(m => new { m.Id, m.LeaseUntilMs })
            .ToListAsync(cancellationToken);
        var claimed = new List<RolloutMirrorRecord>(candidates.Count);
        foreach (var candidate in candidates)
        {
            // Conditional on the lease read above: of two workers racing for a row, exactly one update affects it.
            var updated = await db.RolloutMirrors
                .Where(m => m.Id == candidate.Id && m.LeaseUntilMs == candidate.LeaseUntilMs)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LeaseOwner, owner)
                    .SetProperty(m => m.LeaseUntilMs, until)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            if (updated == 1 && await db.RolloutMirrors.AsNoTracking().SingleOrDefaultAsync(m => m.Id == candidate.Id, cancellationToken) is { } row)
            {
                claimed.Add(RolloutMirrorRecord.From(row));
            }
        }

        return claimed;
    }

    /// <inheritdoc />
    public async Task<bool> CompleteMirrorAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.RolloutMirrors.Where(m => m.Id == id && m.LeaseOwner == owner).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<int> CountMirrorsAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.RolloutMirrors.CountAsync(cancellationToken);
    }
}
