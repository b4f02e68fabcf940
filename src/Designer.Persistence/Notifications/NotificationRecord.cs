namespace Designer.Persistence;

/// <summary>One event for one subscriber in the notification outbox.</summary>
/// <param name="Id">The outbox row.</param>
/// <param name="EventId">The event's stable id.</param>
/// <param name="Subscriber">The subscriber's configured name.</param>
/// <param name="OccurredAt">When the run's status changed.</param>
/// <param name="RunId">Run whose status change is notified.</param>
/// <param name="WorkflowId">Workflow the run belongs to (for the link in the message).</param>
/// <param name="VersionNumber">Workflow version the run ran.</param>
/// <param name="RunStatus">The run's status after the change.</param>
/// <param name="EndNode">The end node, when completed.</param>
/// <param name="RunError">Why the run faulted.</param>
/// <param name="State">Delivery state.</param>
/// <param name="Attempts">Attempts made since it was (re)queued.</param>
/// <param name="LastError">Why the last attempt failed.</param>
/// <param name="LastAttemptAt">When the last attempt was made.</param>
/// <param name="Data">The fields of an event that is not about a run (a JSON object), null for run events.</param>
public sealed record NotificationRecord(
    Guid Id, Guid EventId, string Subscriber, string EventType, DateTimeOffset OccurredAt, Guid RunId, Guid WorkflowId, int VersionNumber,
    RunStatus RunStatus, string? EndNode, string? RunError, NotificationState State, int Attempts, string? LastError, DateTimeOffset? LastAttemptAt,
    string? Data = null)
{
    internal static NotificationRecord From(NotificationEntity e) => new(
        e.Id, e.EventId, e.Subscriber, e.EventType, e.OccurredAt, e.RunId, e.WorkflowId, e.VersionNumber, e.RunStatus, e.EndNode, e.RunError,
        e.State, e.Attempts, e.LastError, e.LastAttemptAt, e.Data);
}
