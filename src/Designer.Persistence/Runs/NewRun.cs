namespace Designer.Persistence;

/// <summary>What starting a run records.</summary>
/// <param name="VersionNumber">The active version at start.</param>
/// <param name="Owner">The host that will execute it.</param>
/// <param name="Id">
/// The run id chosen by the caller (a batch row records it before the start, so a repeated start after a restart hits
/// the primary key instead of starting a second run); null for a new version 7 id.
/// </param>
/// <param name="Trigger">
/// What started it (<see cref="RunTriggers"/>), recorded in the <c>run.started</c> audit entry; null for
/// <see cref="RunTriggers.Api"/>.
/// </param>
public sealed record NewRun(Guid WorkflowId, int VersionNumber, string ContentHash, string InputJson, string? Owner = null, Guid? Id = null, string? Trigger = null);
