namespace Designer.Persistence;

/// <summary>Audit actions of outbound notifications (entity type <c>notification</c>, the outbox row's id).</summary>
public static class NotificationAuditActions
{
    /// <summary>The entity type of the entries.</summary>
    public const string EntityType = "notification";

    /// <summary>An admin re-queued a dead-lettered notification.</summary>
    public const string Retried = "notification.retried";
}
