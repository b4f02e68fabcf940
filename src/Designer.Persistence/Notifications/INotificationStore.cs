namespace Designer.Persistence;

/// <summary>
/// The notification outbox (issue 16): rows are written with the run's status change (see
/// <see cref="IRunNotificationRouter"/>); delivery workers claim due rows with a lease, so hosts sharing a database
/// do not send the same row at once; delivered rows are deleted, given-up rows are kept as dead letters.
/// </summary>
public interface INotificationStore
{
    /// <summary>Claims up to <paramref name="max"/> due pending rows for <paramref name="owner"/> until now + <paramref name="lease"/>.</summary>
    Task<IReadOnlyList<NotificationRecord>> ClaimDueAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Deletes a delivered row; false when <paramref name="owner"/> no longer holds it.</summary>
    Task<bool> MarkDeliveredAsync(Guid id, string owner, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt: due again at <paramref name="retryAt"/>, or a dead letter when it is null.</summary>
    Task<bool> MarkFailedAsync(Guid id, string owner, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>Dead letters, newest first.</summary>
    Task<Page<NotificationRecord>> ListDeadLettersAsync(int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>Re-queues a dead letter with fresh attempts, audited in the same transaction; null when no such dead letter.</summary>
    Task<NotificationRecord?> RetryDeadLetterAsync(Guid id, Actor actor, CancellationToken cancellationToken);

    /// <summary>The outbox rows of a run (any state), oldest first; for tests and diagnostics.</summary>
    Task<IReadOnlyList<NotificationRecord>> ListForRunAsync(Guid runId, CancellationToken cancellationToken);
}
