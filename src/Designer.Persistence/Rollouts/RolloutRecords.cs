namespace Designer.Persistence;

/// <summary>What starting a rollout asks for (checked by the caller; the store checks versions and the one-open rule).</summary>
/// <param name="CandidateVersion">The approved version to roll out.</param>
/// <param name="Mode">One of <see cref="RolloutModes"/> (canary or shadow).</param>
/// <param name="Percent">1–99.</param>
/// <param name="Window">The window as given (ISO-8601).</param>
/// <param name="WindowLength">The window, parsed.</param>
/// <param name="MinRuns">At least 1.</param>
/// <param name="Guards">Limits that roll the candidate back when breached.</param>
public sealed record NewRollout(Guid WorkflowId, int CandidateVersion, string Mode, int Percent, string Window, TimeSpan WindowLength, int MinRuns, RolloutGuards Guards);

/// <summary>Guard limits; a null limit is not checked.</summary>
/// <param name="MaxWrongRate">Highest wrong-decision rate (0–1).</param>
/// <param name="MaxEscalationRate">Highest escalation rate (0–1).</param>
/// <param name="MaxDegradedRate">Highest degraded rate (0–1).</param>
/// <param name="P95LatencyMs">Highest p95 decision latency (ms).</param>
public sealed record RolloutGuards(double? MaxWrongRate, double? MaxEscalationRate, double? MaxDegradedRate, double? P95LatencyMs);

/// <summary>The guard whose breach rolled a rollout back.</summary>
/// <param name="Guard">Guard name (as in the request, e.g. <c>maxWrongRate</c>).</param>
/// <param name="Value">The candidate's value when it was breached.</param>
/// <param name="Limit">The limit the value crossed.</param>
public sealed record RolloutBreach(string Guard, double? Value, double Limit);

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

/// <summary>One mirrored input's shadow result (shadow mode).</summary>
/// <param name="RolloutId">Rollout that mirrored the input.</param>
/// <param name="RunId">The live run.</param>
/// <param name="Outcome"><c>automated</c>, <c>escalated</c> or <c>failed</c>.</param>
/// <param name="EndNode">The candidate's End node.</param>
/// <param name="EscalatedTo">Role a gate would have escalated to.</param>
/// <param name="Degraded">A node took its degraded port.</param>
/// <param name="LiveEndNode">The live run's End node, once finished.</param>
/// <param name="LiveHumanDecided">A human decided the live run.</param>
/// <param name="Flipped">Decided differently; null until the live run finished.</param>
public sealed record RolloutShadowCaseRecord(
    Guid RolloutId, Guid RunId, string Outcome, string? EndNode, string? EscalatedTo, bool Degraded, double LatencyMs, decimal Cost,
    string? LiveEndNode = null, bool LiveHumanDecided = false, bool? Flipped = null)
{
    internal static RolloutShadowCaseRecord From(RolloutShadowCaseEntity e) => new(
        e.RolloutId, e.RunId, e.Outcome, e.EndNode, e.EscalatedTo, e.Degraded, e.LatencyMs, e.Cost, e.LiveEndNode, e.LiveHumanDecided, e.Flipped);
}

/// <summary>
/// Live numbers of one side of a rollout. Runs = runs that reached an outcome (completed, waiting for a person,
/// faulted). Labelled = runs a person decided (their End node is the label, as for datasets from runs); wrong =
/// labelled decisions that disagree with the side's automatic decision (shadow: the candidate's; canary: the
/// reviewer corrected or edited the automatic draft).
/// </summary>
/// <param name="Version">Workflow version these numbers describe.</param>
/// <param name="Runs">Runs with an outcome.</param>
/// <param name="Automated">Completed without a person.</param>
/// <param name="Escalated">Reached a human gate.</param>
/// <param name="Degraded">Took a degraded port or breached an SLO.</param>
/// <param name="Labelled">Runs with a label.</param>
/// <param name="Wrong">Labelled runs decided wrongly.</param>
/// <param name="Flipped">Shadow: decided differently from the live run.</param>
/// <param name="LatenciesMs">Decision latencies (end, or escalation), ascending.</param>
public sealed record RolloutSideStats(int Version, int Runs, int Automated, int Escalated, int Degraded, int Labelled, int Wrong, int Flipped, IReadOnlyList<double> LatenciesMs)
{
    /// <summary>Escalated / runs, null without runs.</summary>
    public double? EscalationRate => Runs == 0 ? null : (double)Escalated / Runs;

    /// <summary>Degraded / runs, null without runs.</summary>
    public double? DegradedRate => Runs == 0 ? null : (double)Degraded / Runs;

    /// <summary>Wrong / labelled, null without labels.</summary>
    public double? WrongRate => Labelled == 0 ? null : (double)Wrong / Labelled;

    /// <summary>Nearest-rank 95th percentile latency, null without samples.</summary>
    public double? P95LatencyMs => LatenciesMs.Count == 0 ? null : LatenciesMs[Math.Clamp((int)Math.Ceiling(0.95 * LatenciesMs.Count) - 1, 0, LatenciesMs.Count - 1)];
}

/// <summary>A mirrored live run waiting for its shadow run, as claimed by a worker.</summary>
/// <param name="Id">Row id.</param>
/// <param name="RolloutId">The shadow rollout.</param>
/// <param name="RunId">The live run.</param>
/// <param name="Attempts">Claims so far, this one included.</param>
public sealed record RolloutMirrorRecord(Guid Id, Guid RolloutId, Guid WorkflowId, int CandidateVersion, Guid RunId, int Attempts)
{
    internal static RolloutMirrorRecord From(RolloutMirrorEntity e) => new(e.Id, e.RolloutId, e.WorkflowId, e.CandidateVersion, e.RunId, e.Attempts);
}
