namespace Designer.Web.Rollouts;

/// <summary>A rollout as the API answers a start, promote or abort: mode, split, window, guards and state.</summary>
/// <param name="Id">New for each start, so a later rollout of the same workflow is told from this one; the monitor's log lines carry it.</param>
/// <param name="WorkflowId">The workflow rolled out.</param>
/// <param name="Mode"><c>canary</c> or <c>shadow</c>.</param>
/// <param name="CandidateVersion">The version being tried.</param>
/// <param name="BaselineVersion">The version it is compared with.</param>
/// <param name="Split">Percent of new runs on each side.</param>
/// <param name="Window">The ISO-8601 duration the rollout runs for.</param>
/// <param name="MinRuns">Runs each side needs before the guards judge.</param>
/// <param name="Guards">The limits that abort the rollout when crossed.</param>
/// <param name="State">Where the rollout stands.</param>
/// <param name="Reason">Why it ended, once it has.</param>
/// <param name="StartedBy">The name of whoever started it.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="WindowEnd">When its window closes.</param>
/// <param name="EndedAt">When it ended, if it has.</param>
internal sealed record RolloutResponse(
    Guid Id, Guid WorkflowId, string Mode, int CandidateVersion, int BaselineVersion, RolloutSplitResponse Split, string Window, int MinRuns,
    RolloutGuards Guards, string State, string? Reason, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset WindowEnd, DateTimeOffset? EndedAt)
{
    public static RolloutResponse From(RolloutRecord r) => new(
        r.Id, r.WorkflowId, r.Mode, r.CandidateVersion, r.BaselineVersion, RolloutSplitResponse.Of(r.Percent), r.Window, r.MinRuns,
        r.Guards, r.State, r.Reason, r.StartedByName, r.StartedAt, r.WindowEnd, r.EndedAt);
}
