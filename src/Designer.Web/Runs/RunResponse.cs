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
