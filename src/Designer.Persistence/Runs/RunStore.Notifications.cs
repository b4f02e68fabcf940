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
        NotificationOutbox.Add(db, subscribers, type, now, row =>
        {
            row.RunId = run.Id;
            row.WorkflowId = run.WorkflowId;
            row.VersionNumber = run.VersionNumber;
            row.RunStatus = run.Status;
            row.EndNode = run.EndNode;
            row.RunError = NotificationStore.Truncate(run.Error);
        });
    }
}
