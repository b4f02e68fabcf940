namespace Designer.Web.Runs;

/// <summary>The answer of <c>POST /api/runs/{id}/cancel</c>: the run is now cancelled.</summary>
/// <param name="RunId">The run that was cancelled.</param>
/// <param name="Status">Always <see cref="RunStatus.Cancelled"/>; a run that had already ended is a 409 instead.</param>
internal sealed record RunCancelledResponse(Guid RunId, RunStatus Status);
