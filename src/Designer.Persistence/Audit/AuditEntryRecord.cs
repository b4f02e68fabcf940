namespace Designer.Persistence;

/// <summary>One audit entry as read back from the log.</summary>
/// <param name="Sequence">Position in the chain, starting at 1.</param>
/// <param name="Timestamp">Time of the action (UTC, whole microseconds).</param>
/// <param name="Action">The action, e.g. <c>version.approved</c>.</param>
/// <param name="EntityType">Kind of entity acted on.</param>
/// <param name="EntityId">Id of the entity acted on.</param>
/// <param name="DataJson">Action details as JSON text, or null.</param>
public sealed record AuditEntryRecord(
    long Sequence,
    DateTimeOffset Timestamp,
    string ActorId,
    string ActorName,
    string Action,
    string EntityType,
    string EntityId,
    string? DataJson,
    string PreviousHash,
    string Hash)
{
    internal static AuditEntryRecord From(AuditEntryEntity e) =>
        new(e.Sequence, e.Timestamp, e.ActorId, e.ActorName, e.Action, e.EntityType, e.EntityId, e.DataJson, e.PreviousHash, e.Hash);
}
