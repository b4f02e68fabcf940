using System.Text.Json.Nodes;

namespace Designer.Web.Api;

/// <summary>A version as the API shows it: the definition as JSON, not as an escaped string.</summary>
internal sealed record VersionResponse(
    Guid WorkflowId,
    int Number,
    string Status,
    bool IsActive,
    string ContentHash,
    string AuthorId,
    string AuthorName,
    DateTimeOffset CreatedAt,
    string? ReviewedByName,
    DateTimeOffset? ReviewedAt,
    string? ReviewComment,
    JsonNode? Definition)
{
    public static VersionResponse From(VersionRecord v) => new(
        v.WorkflowId, v.Number, v.Status.ToString(), v.IsActive, v.ContentHash, v.AuthorId, v.AuthorName, v.CreatedAt,
        v.ReviewedByName, v.ReviewedAt, v.ReviewComment, JsonNode.Parse(v.CanonicalJson));

    public static VersionResponse Summary(VersionSummary v) => new(
        v.WorkflowId, v.Number, v.Status.ToString(), v.IsActive, v.ContentHash, v.AuthorId, v.AuthorName, v.CreatedAt,
        v.ReviewedByName, v.ReviewedAt, null, null);
}
