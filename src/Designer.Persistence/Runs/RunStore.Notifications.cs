namespace Designer.Persistence;

public sealed partial class RunStore
{
    /// <summary>
    /// Adds the outbox rows of the event <paramref name="run"/>'s new status raises to <paramref name="db"/>, so they
    /// commit (or roll back) with the status change. Costs nothing when no router is given or nobody subscribes.
    /// </summary>
    private void AddNotifications(DesignerDbContext db, RunEntity run)
    {
        if (_notifications is null || NotificationEventTypes.For(run.Status) is not { } type)
        {
            return;
        }

        var subscribers = _notifications.SubscribersFor(type, run.WorkflowId);
        if (subscribers.Count == 0)
        {
            return;
        }

        var now = Clock.UtcNow(_timeProvider);
        var eventId = Guid.CreateVersion7(now);
        foreach (var subscriber in subscribers)
        {
            db.Notifications.Add(new NotificationEntity
            {
                Id = Guid.CreateVersion7(now),
                EventId = eventId,
                Subscriber = subscriber,
                EventType = type,
                OccurredAt = now,
                RunId = run.Id,
                WorkflowId = run.WorkflowId,
                VersionNumber = run.VersionNumber,
                RunStatus = run.Status,
                EndNode = run.EndNode,
                RunError = NotificationStore.Truncate(run.Error),
                State = NotificationState.Pending,
                DueAtMs = now.ToUnixTimeMilliseconds(),
            });
        }
    }
}
