using System.Text.Json;

namespace Designer.Persistence;

/// <summary>A human task as stored.</summary>
/// <param name="NodeId">Gate node id.</param>
/// <param name="RequestId">The gate request's idempotency key.</param>
/// <param name="Role">Assignee role.</param>
/// <param name="Instructions">Rendered instructions.</param>
/// <param name="EvidenceJson">Evidence (JSON array).</param>
/// <param name="Decisions">Allowed decisions.</param>
/// <param name="EditableFields">Fields the assignee may set with the decision; the gate copies only these into its output.</param>
/// <param name="Status">Pending until decided, timed out or cancelled; only pending tasks accept a decision.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="Due">SLA due time.</param>
/// <param name="DecidedById">Decider id.</param>
/// <param name="DecidedByName">Decider name.</param>
/// <param name="Decision">The decision taken (one of <paramref name="Decisions"/>); null while pending.</param>
/// <param name="Comment">The decider's note, kept in the run history; null if none.</param>
/// <param name="EditsJson">Edited values (JSON object).</param>
/// <param name="DecidedAt">Decision time.</param>
/// <param name="Correction">The reviewer's edit of a model's draft, if any.</param>
public sealed record HumanTaskRecord(
    Guid Id,
    Guid RunId,
    string NodeId,
    string RequestId,
    string Role,
    string Instructions,
    string EvidenceJson,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<string> EditableFields,
    HumanTaskStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? Due,
    string? DecidedById,
    string? DecidedByName,
    string? Decision,
    string? Comment,
    string? EditsJson,
    DateTimeOffset? DecidedAt,
    string? Correction = null)
{
    /// <summary>Maps a row (for read-side queries outside the store, such as the inbox's).</summary>
    public static HumanTaskRecord From(HumanTaskEntity t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return new(
            t.Id, t.RunId, t.NodeId, t.RequestId, t.Role, t.Instructions, t.EvidenceJson,
            JsonSerializer.Deserialize<string[]>(t.DecisionsJson) ?? [],
            JsonSerializer.Deserialize<string[]>(t.EditableFieldsJson) ?? [],
            t.Status, t.CreatedAt, t.Due, t.DecidedById, t.DecidedByName, t.Decision, t.Comment, t.EditsJson, t.DecidedAt, t.Correction);
    }
}
