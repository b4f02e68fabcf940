namespace Designer.Persistence;

/// <summary>
/// EF Core row of the notification outbox: one event (a run's status change, or a rollout rolled back) for one
/// subscriber. Callers use
/// <see cref="INotificationStore"/> and <see cref="NotificationRecord"/> instead. Times that are compared in queries
/// are Unix milliseconds (SQLite cannot compare <see cref="DateTimeOffset"/>).
/// </summary>
public sealed class NotificationEntity
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>The event's id, the same for every subscriber and every attempt (receivers deduplicate on it).</summary>
    public Guid EventId { get; set; }

    /// <summary>The subscriber's configured name.</summary>
    public string Subscriber { get; set; } = string.Empty;

    /// <summary>The event type, e.g. <c>run.completed</c>.</summary>
    public string EventType { get; set; } = string.Empty;

    /// <summary>When the run's status changed (UTC).</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The run; <see cref="Guid.Empty"/> for an event that is not about a run (see <see cref="Data"/>).</summary>
    public Guid RunId { get; set; }

    /// <summary>The run's workflow.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>The version the run is pinned to.</summary>
    public int VersionNumber { get; set; }

    /// <summary>The run's status after the change (run events only; the default for others).</summary>
    public RunStatus RunStatus { get; set; }

    /// <summary>The end node, when completed.</summary>
    public string? EndNode { get; set; }

    /// <summary>Why the run faulted (as stored for the run, i.e. tokenized by the vault), truncated.</summary>
    public string? RunError { get; set; }

    /// <summary>
    /// The fields of an event that is not about a run (issue 13: <c>rollout.rolled_back</c>): a JSON object with ids,
    /// versions, the breached guard and who is notified, never a run's input or output. Null for run events.
    /// </summary>
    public string? Data { get; set; }

    /// <summary>Delivery state.</summary>
    public NotificationState State { get; set; }

    /// <summary>Attempts made since it was (re)queued.</summary>
    public int Attempts { get; set; }

    /// <summary>Not attempted before this time (Unix ms).</summary>
    public long DueAtMs { get; set; }

    /// <summary>The host attempting it now.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>That host's claim ends at this time (Unix ms); 0 when unclaimed.</summary>
    public long LeaseUntilMs { get; set; }

    /// <summary>Why the last attempt failed, truncated.</summary>
    public string? LastError { get; set; }

    /// <summary>When the last attempt was made (UTC).</summary>
    public DateTimeOffset? LastAttemptAt { get; set; }
}
