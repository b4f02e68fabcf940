using System.Text.Json.Nodes;

namespace Designer.Web.Runs;

/// <summary>A run as the API shows it.</summary>
internal sealed record RunResponse(
    Guid Id,
    Guid WorkflowId,
    int Version,
    string ContentHash,
    RunStatus Status,
    JsonNode? Input,
    JsonNode? Output,
    string? EndNode,
    string? Error,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    decimal Cost,
    bool HumanDecided)
{
    /// <summary>The run with personal data in input, output and error masked (issue 14): what every reader sees.</summary>
    public static RunResponse From(RunRecord r) => Revealed(r) with
    {
        Input = ApiRedaction.Redact(JsonNode.Parse(r.InputJson)),
        Output = r.OutputJson is null ? null : ApiRedaction.Redact(JsonNode.Parse(r.OutputJson)),
        Error = r.Error is null ? null : ApiRedaction.Redact(r.Error),
    };

    /// <summary>The run as stored, for the audited reveal of a <c>pii-reader</c> only.</summary>
    public static RunResponse Revealed(RunRecord r) => new(
        r.Id, r.WorkflowId, r.VersionNumber, r.ContentHash, r.Status, JsonNode.Parse(r.InputJson),
        r.OutputJson is null ? null : JsonNode.Parse(r.OutputJson), r.EndNode, r.Error, r.StartedByName,
        r.StartedAt, r.EndedAt, r.Cost, r.HumanDecided);
}

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

/// <summary>One trace event as the API shows it.</summary>
internal sealed record TraceEventResponse(long Sequence, string Kind, string? NodeId, DateTimeOffset Timestamp, JsonNode? Event)
{
    public static TraceEventResponse From(TraceEventRecord e) => new(e.Sequence, e.Kind, e.NodeId, e.Timestamp, JsonNode.Parse(RunVaultTokens.ToMasks(e.Json)));
}
