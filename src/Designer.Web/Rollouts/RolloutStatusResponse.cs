namespace Designer.Web.Rollouts;

/// <summary>A workflow's latest rollout with its live numbers per side and the guards' current values.</summary>
/// <param name="Id">New for each start, so a later rollout of the same workflow is told from this one; the monitor's log lines carry it.</param>
/// <param name="WorkflowId">The workflow rolled out.</param>
/// <param name="Mode"><c>canary</c> or <c>shadow</c>.</param>
/// <param name="CandidateVersion">The version being tried.</param>
/// <param name="BaselineVersion">The version it is compared with.</param>
/// <param name="Split">Percent of new runs on each side.</param>
/// <param name="Window">The ISO-8601 duration the rollout runs for.</param>
/// <param name="MinRuns">Runs each side needs before the guards judge.</param>
/// <param name="State">Where the rollout stands.</param>
/// <param name="Reason">Why it ended, once it has.</param>
/// <param name="StartedBy">The name of whoever started it.</param>
/// <param name="StartedAt">When it started (UTC).</param>
/// <param name="WindowEnd">When its window closes.</param>
/// <param name="EndedAt">When it ended, if it has.</param>
/// <param name="Sides">The live numbers of the baseline and the candidate.</param>
/// <param name="Guards">Each guard's limit against the value it has now.</param>
internal sealed record RolloutStatusResponse(
    Guid Id, Guid WorkflowId, string Mode, int CandidateVersion, int BaselineVersion, RolloutSplitResponse Split, string Window, int MinRuns,
    string State, string? Reason, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset WindowEnd, DateTimeOffset? EndedAt,
    RolloutSides Sides, IReadOnlyList<GuardValue> Guards)
{
    public static RolloutStatusResponse From(RolloutView v)
    {
        var r = v.Rollout;
        return new(
            r.Id, r.WorkflowId, r.Mode, r.CandidateVersion, r.BaselineVersion, RolloutSplitResponse.Of(r.Percent), r.Window, r.MinRuns,
            r.State, r.Reason, r.StartedByName, r.StartedAt, r.WindowEnd, r.EndedAt,
            new RolloutSides(RolloutSideResponse.From(v.Baseline), RolloutSideResponse.From(v.Candidate)), v.Guards);
    }
}
