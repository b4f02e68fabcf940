using System.Text.Json.Nodes;

namespace Designer.Web.Runs;

/// <summary>A human task as the API shows it.</summary>
internal sealed record TaskResponse(
    Guid Id,
    Guid RunId,
    string NodeId,
    string RequestId,
    string Role,
    string Instructions,
    JsonNode? Evidence,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<string> EditableFields,
    HumanTaskStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? Due,
    string? DecidedBy,
    string? Decision,
    string? Comment,
    JsonNode? Edits,
    DateTimeOffset? DecidedAt,
    string? Correction)
{
    /// <summary>The task with personal data in instructions, evidence, comment and edits masked (issue 14).</summary>
    public static TaskResponse From(HumanTaskRecord t) => new(
        t.Id, t.RunId, t.NodeId, t.RequestId, t.Role, ApiRedaction.Redact(t.Instructions), ApiRedaction.Redact(JsonNode.Parse(t.EvidenceJson)),
        t.Decisions, t.EditableFields, t.Status, t.CreatedAt, t.Due, t.DecidedByName, t.Decision,
        t.Comment is null ? null : ApiRedaction.Redact(t.Comment),
        t.EditsJson is null ? null : ApiRedaction.Redact(JsonNode.Parse(t.EditsJson)), t.DecidedAt,
        t.Correction is null ? null : ApiRedaction.Redact(t.Correction));
}
