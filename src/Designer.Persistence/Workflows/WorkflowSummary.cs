namespace Designer.Persistence;

/// <summary>One row of the workflow list.</summary>
/// <param name="Name">Display name.</param>
/// <param name="UpdatedAt">Time of the last governance change (UTC).</param>
/// <param name="ActiveVersion">Number of the active version, if any.</param>
/// <param name="LatestVersion">Number of the newest version, if any.</param>
/// <param name="LatestVersionStatus">Status of the newest version, if any.</param>
public sealed record WorkflowSummary(
    Guid Id,
    string Name,
    string? Description,
    DateTimeOffset UpdatedAt,
    int? ActiveVersion,
    int? LatestVersion,
    VersionStatus? LatestVersionStatus);
