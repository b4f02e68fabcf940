namespace Designer.Persistence;

/// <summary>A rollout as stored.</summary>
/// <param name="Id">Primary key; the API and the audit log refer to the rollout by it.</param>
/// <param name="WorkflowId">Workflow whose versions the rollout splits.</param>
/// <param name="CandidateVersion">The approved version being rolled out.</param>
/// <param name="BaselineVersion">The version active while it runs.</param>
/// <param name="Mode">Split or shadow (<see cref="RolloutModes"/>).</param>
/// <param name="Percent">Split percentage.</param>
/// <param name="Window">Window as given.</param>
/// <param name="MinRuns">Minimum candidate runs.</param>
/// <param name="Guards">Limits that roll the candidate back when breached.</param>
/// <param name="State">Where the rollout is in its life (<see cref="RolloutStates"/>).</param>
/// <param name="Reason">Why it ended or paused.</param>
/// <param name="StartedById">Starter id.</param>
/// <param name="StartedByName">Starter name.</param>
/// <param name="StartedAt">When it started (UTC); the window runs from here.</param>
/// <param name="EndedAt">End, if final.</param>
public sealed record RolloutRecord(
    Guid Id, Guid WorkflowId, int CandidateVersion, int BaselineVersion, string Mode, int Percent, string Window, int MinRuns,
    RolloutGuards Guards, string State, string? Reason, string StartedById, string StartedByName, DateTimeOffset StartedAt,
    DateTimeOffset WindowEnd, DateTimeOffset? EndedAt)
{
    /// <summary>Whether it still splits or mirrors runs.</summary>
    public bool IsOpen => RolloutStates.IsOpen(State);

    internal static RolloutRecord From(RolloutEntity e) => new(
        e.Id, e.WorkflowId, e.CandidateVersion, e.BaselineVersion, e.Mode, e.Percent, e.Window, e.MinRuns,
        new RolloutGuards(e.MaxWrongRate, e.MaxEscalationRate, e.MaxDegradedRate, e.P95LatencyMs),
        e.State, e.Reason, e.StartedById, e.StartedByName, e.StartedAt, e.WindowEnd, e.EndedAt);
}
