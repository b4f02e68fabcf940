namespace Designer.Persistence;

/// <summary>One row of a workflow's version list (without the canonical JSON).</summary>
/// <param name="Status">Review state.</param>
/// <param name="IsActive">True when this is the active version.</param>
/// <param name="CreatedAt">Submission time (UTC).</param>
/// <param name="ReviewedByName">Name of the reviewer, once reviewed.</param>
/// <param name="ReviewedAt">Review time (UTC), once reviewed.</param>
public sealed record VersionSummary(
    Guid WorkflowId,
    int Number,
    string ContentHash,
    VersionStatus Status,
    bool IsActive,
    string AuthorId,
    string AuthorName,
    DateTimeOffset CreatedAt,
    string? ReviewedByName,
    DateTimeOffset? ReviewedAt);
