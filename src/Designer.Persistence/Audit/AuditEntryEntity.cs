namespace Designer.Persistence;

/// <summary>EF Core row for one hash-chained audit entry. Append-only.</summary>
public sealed class AuditEntryEntity
{
    /// <summary>Position in the chain, starting at 1 (primary key, so unique).</summary>
    public long Sequence { get; set; }

    /// <summary>Time of the action (UTC, whole microseconds).</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Who acted: the Identity user id, or a system principal such as <c>system:schedule</c>.</summary>
    public string ActorId { get; set; } = string.Empty;

    /// <summary>The actor's display name at the time, kept so that the entry reads the same after a rename.</summary>
    public string ActorName { get; set; } = string.Empty;

    /// <summary>The action, e.g. <c>version.approved</c> (see <see cref="AuditActions"/>).</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The kind of entity acted on, e.g. <c>workflow</c>.</summary>
    public string EntityType { get; set; } = string.Empty;

    /// <summary>The id of the entity acted on.</summary>
    public string EntityId { get; set; } = string.Empty;

    /// <summary>Action details as JSON text (stored verbatim, never re-formatted), or null.</summary>
    public string? DataJson { get; set; }

    /// <summary>Hash of the previous entry (64 zeros for the first).</summary>
    public string PreviousHash { get; set; } = string.Empty;

    /// <summary>SHA-256 (lowercase hex) over this entry's canonical form.</summary>
    public string Hash { get; set; } = string.Empty;
}
