namespace Designer.Persistence;

/// <summary>A submitted workflow version, including its frozen canonical JSON.</summary>
/// <param name="Number">Version number (1-based).</param>
/// <param name="CanonicalJson">Canonical JSON of the definition.</param>
/// <param name="ContentHash">Content hash of the canonical JSON.</param>
/// <param name="Status">Review state.</param>
/// <param name="IsActive">True when this is the workflow's active version.</param>
/// <param name="CreatedAt">Submission time (UTC).</param>
/// <param name="ReviewedById">Id of the reviewer, once reviewed.</param>
/// <param name="ReviewedByName">Name of the reviewer, once reviewed.</param>
/// <param name="ReviewedAt">Review time (UTC), once reviewed.</param>
public sealed record VersionRecord(
    Guid WorkflowId,
    int Number,
    string CanonicalJson,
    string ContentHash,
    VersionStatus Status,
    bool IsActive,
    string AuthorId,
    string AuthorName,
    DateTimeOffset CreatedAt,
    string? ReviewedById,
    string? ReviewedByName,
    DateTimeOffset? ReviewedAt,
    string? ReviewComment)
{
    internal static VersionRecord From(WorkflowVersionEntity v, int? activeVersion) =>
        new(v.WorkflowId, v.Number, v.CanonicalJson, v.ContentHash, v.Status, activeVersion == v.Number, v.AuthorId, v.AuthorName,
            v.CreatedAt, v.ReviewedById, v.ReviewedByName, v.ReviewedAt, v.ReviewComment);
}
