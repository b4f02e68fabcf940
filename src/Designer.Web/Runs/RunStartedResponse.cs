namespace Designer.Web.Runs;

/// <summary>The 202 answer of a run start: the run to follow at <c>/api/runs/{runId}</c>.</summary>
/// <param name="RunId">The started run (or the first run of a repeated <c>Idempotency-Key</c>).</param>
/// <param name="Status">
/// The run's status when the caller asked to wait and the wait ended first; absent when the caller did not wait.
/// </param>
internal sealed record RunStartedResponse(Guid RunId, RunStatus? Status = null);
