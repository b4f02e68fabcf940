namespace Designer.Persistence;

/// <summary>Filters for listing runs; null means any.</summary>
/// <param name="WorkflowId">Only this workflow.</param>
/// <param name="Status">Only this status.</param>
/// <param name="VersionNumber">Only this version.</param>
public sealed record RunQuery(Guid? WorkflowId = null, RunStatus? Status = null, int? VersionNumber = null);
