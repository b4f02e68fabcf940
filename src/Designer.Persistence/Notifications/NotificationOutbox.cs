namespace Designer.Persistence;

/// <summary>
/// Adds one event's outbox rows (one per subscriber, sharing the event id, pending and due now) to a context, so
/// they commit or roll back with the change that raised the event; the caller fills in what the event is about.
/// </summary>
internal static class NotificationOutbox
{
    public static void Add(
        DesignerDbContext db, IEnumerable<string> subscribers, string eventType, DateTimeOffset now, Action<NotificationEntity> describe)
    {
        var eventId = Guid.CreateVersion7(now);
        foreach (var subscriber in subscribers)
        {
            var row = new NotificationEntity
            {
                Id = Guid.CreateVersion7(now),
                EventId = eventId,
                Subscriber = subscriber,
                EventType = eventType,
                OccurredAt = now,
                State = NotificationState.Pending,
                DueAtMs = now.ToUnixTimeMilliseconds(),
            };
            describe(row);
            db.Notifications.Add(row);
        }
    }
}
