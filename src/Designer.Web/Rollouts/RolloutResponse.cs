namespace Designer.Web.Rollouts;

/// <summary>A rollout as the API shows it: mode, split, window, state, runs per side and live guard values.</summary>
internal static class RolloutResponse
{
    public static object From(RolloutRecord r) => new
    {
        id = r.Id,
        workflowId = r.WorkflowId,
        mode = r.Mode,
        candidateVersion = r.CandidateVersion,
        baselineVersion = r.BaselineVersion,
        split = new { candidate = r.Percent, baseline = 100 - r.Percent },
        window = r.Window,
        minRuns = r.MinRuns,
        guards = r.Guards,
        state = r.State,
        reason = r.Reason,
        startedBy = r.StartedByName,
        startedAt = r.StartedAt,
        windowEnd = r.WindowEnd,
        endedAt = r.EndedAt,
    };

    public static object From(RolloutView v) => new
    {
        id = v.Rollout.Id,
        workflowId = v.Rollout.WorkflowId,
        mode = v.Rollout.Mode,
        candidateVersion = v.Rollout.CandidateVersion,
        baselineVersion = v.Rollout.BaselineVersion,
        split = new { candidate = v.Rollout.Percent, baseline = 100 - v.Rollout.Percent },
        window = v.Rollout.Window,
        minRuns = v.Rollout.MinRuns,
        state = v.Rollout.State,
        reason = v.Rollout.Reason,
        startedBy = v.Rollout.StartedByName,
        startedAt = v.Rollout.StartedAt,
        windowEnd = v.Rollout.WindowEnd,
        endedAt = v.Rollout.EndedAt,
        sides = new { baseline = Side(v.Baseline), candidate = Side(v.Candidate) },
        guards = v.Guards,
    };

    private static object Side(RolloutSideStats s) => new
    {
        version = s.Version,
        runs = s.Runs,
        automated = s.Automated,
        escalated = s.Escalated,
        degraded = s.Degraded,
        labelled = s.Labelled,
        wrong = s.Wrong,
        flipped = s.Flipped,
        wrongRate = s.WrongRate,
        escalationRate = s.EscalationRate,
        degradedRate = s.DegradedRate,
        p95LatencyMs = s.P95LatencyMs,
    };
}
