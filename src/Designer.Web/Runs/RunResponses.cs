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
    public static RunResponse From(RunRecord r) => new(
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
    DateTimeOffset? DecidedAt)
{
    public static TaskResponse From(HumanTaskRecord t) => new(
        t.Id, t.RunId, t.NodeId, t.RequestId, t.Role, t.Instructions, JsonNode.Parse(t.EvidenceJson), t.Decisions,
        t.EditableFields, t.Status, t.CreatedAt, t.Due, t.DecidedByName, t.Decision, t.Comment,
        t.EditsJson is null ? null : JsonNode.Parse(t.EditsJson), t.DecidedAt);
}

/// <summary>One trace event as the API shows it.</summary>
internal sealed record TraceEventResponse(long Sequence, string Kind, string? NodeId, DateTimeOffset Timestamp, JsonNode? Event)
{
    public static TraceEventResponse From(TraceEventRecord e) => new(e.Sequence, e.Kind, e.NodeId, e.Timestamp, JsonNode.Parse(e.Json));
}
