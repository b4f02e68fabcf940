namespace Designer.Persistence;

/// <summary>What starting a run records.</summary>
/// <param name="WorkflowId">Workflow id.</param>
/// <param name="VersionNumber">The active version at start.</param>
/// <param name="ContentHash">Its content hash.</param>
/// <param name="InputJson">Input JSON.</param>
/// <param name="Owner">The host that will execute it.</param>
public sealed record NewRun(Guid WorkflowId, int VersionNumber, string ContentHash, string InputJson, string? Owner = null);
