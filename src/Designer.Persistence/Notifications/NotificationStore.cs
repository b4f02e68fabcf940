using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>EF Core implementation of <see cref="INotificationStore"/> for SQLite and PostgreSQL.</summary>
public sealed class NotificationStore : INotificationStore
{
    /// <summary>Longest stored error text.</summary>
    public const int ErrorLength = 2000;

    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store.</summary>
    /// <param name="timeProvider">Supplies the time leases and due times are compared with.</param>
    public NotificationStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NotificationRecord>> ClaimDueAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        var now = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)lease.TotalMilliseconds;
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Notifications.AsNoTracking()
            .Where(n => n.State == NotificationState.Pending && n.DueAtMs <= now && n.LeaseUntilMs <= now)
            .OrderBy(n => n.DueAtMs).ThenBy(n => n.Id)
            .Take(max)
            .Select(n => new { n.Id, n.LeaseUntilMs })
            .ToListAsync(cancellationToken);
        var claimed = new List<NotificationRecord>(candidates.Count);
        foreach (var candidate in candidates)
        {
            // Conditional on the lease read above: of two hosts racing for a row, exactly one update affects it.
            var updated = await db.Notifications
                .Where(n => n.Id == candidate.Id && n.State == NotificationState.Pending && n.LeaseUntilMs == candidate.LeaseUntilMs)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.LeaseOwner, owner).SetProperty(n => n.LeaseUntilMs, until), cancellationToken);
            if (updated == 1)
            {
                claimed.Add(NotificationRecord.From(await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == candidate.Id, cancellationToken)));
            }
        }

        return claimed;
    }

    /// <inheritdoc />
    public async Task<bool> MarkDeliveredAsync(Guid id, string owner, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications
            .Where(n => n.Id == id && n.LeaseOwner == owner && n.State == NotificationState.Pending)
            .ExecuteDeleteAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> MarkFailedAsync(Guid id, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = Truncate(error);
        var now = Clock.UtcNow(_timeProvider);
        var state = retryAt is null ? NotificationState.DeadLetter : NotificationState.Pending;
        var due = retryAt?.ToUnixTimeMilliseconds() ?? now.ToUnixTimeMilliseconds();
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications
            .Where(n => n.Id == id && n.LeaseOwner == owner && n.State == NotificationState.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(n => n.Attempts, n => n.Attempts + 1)
                    .SetProperty(n => n.State, state)
                    .SetProperty(n => n.DueAtMs, due)
                    .SetProperty(n => n.LeaseOwner, (string?)null)
                    .SetProperty(n => n.LeaseUntilMs, 0L)
                    .SetProperty(n => n.LastError, text)
                    .SetProperty(n => n.LastAttemptAt, now),
                cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<Page<NotificationRecord>> ListDeadLettersAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        Paging.EnsureValid(page, pageSize);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var dead = db.Notifications.AsNoTracking().Where(n => n.State == NotificationState.DeadLetter);
        var total = await dead.LongCountAsync(cancellationToken);

        // Version 7 ids sort by creation time (SQLite cannot order by DateTimeOffset).
        var items = await dead.OrderByDescending(n => n.Id).Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<NotificationRecord>([.. items.Select(NotificationRecord.From)], page, pageSize, total);
    }

    /// <inheritdoc />
    public async Task<NotificationRecord?> RetryDeadLetterAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await AuditedChange.RunAsync(db, _timeProvider, async token =>
        {
            var row = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.State == NotificationState.DeadLetter, token);
            if (row is null)
            {
                return AuditedOutcome.Refused<NotificationRecord?>(null);
            }

            var attempts = row.Attempts;
            row.State = NotificationState.Pending;
            row.Attempts = 0;
            row.DueAtMs = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            row.LeaseOwner = null;
            row.LeaseUntilMs = 0;
            await db.SaveChangesAsync(token);
            var data = new JsonObject
            {
                ["eventId"] = row.EventId.ToString("D"),
                ["eventType"] = row.EventType,
                ["subscriber"] = row.Subscriber,
                ["runId"] = row.RunId.ToString("D"),
                ["attempts"] = attempts,
            };
            var entry = new AuditDraft(actor, NotificationAuditActions.Retried, NotificationAuditActions.EntityType, row.Id.ToString("D"), data);
            return new AuditedOutcome<NotificationRecord?>(NotificationRecord.From(row), [entry]);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NotificationRecord>> ListForRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Notifications.AsNoTracking().Where(n => n.RunId == runId).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(NotificationRecord.From)];
    }

    internal static string? Truncate(string? text) => text is null || text.Length <= ErrorLength ? text : text[..ErrorLength];
}
