namespace Designer.Persistence;

/// <summary>Filters for listing runs; null means any.</summary>
/// <param name="WorkflowId">Only this workflow.</param>
/// <param name="Status">Only this status.</param>
/// <param name="VersionNumber">Only this version.</param>
/// <param name="StartedFrom">Only runs started at or after this time.</param>
/// <param name="StartedBefore">Only runs started before this time.</param>
public sealed record RunQuery(
    Guid? WorkflowId = null,
    RunStatus? Status = null,
    int? VersionNumber = null,
    DateTimeOffset? StartedFrom = null,
    DateTimeOffset? StartedBefore = null);
