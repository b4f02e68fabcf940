using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>
/// EF Core row for a gradual rollout of an approved version (issue 13): a canary split of new runs or a live
/// shadow mirror, its guards and its state. Callers use <see cref="IRolloutStore"/>.
/// </summary>
public sealed class RolloutEntity : IConcurrencyTracked
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>Workflow whose versions the rollout splits.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>The version rolled out.</summary>
    public int CandidateVersion { get; set; }

    /// <summary>The version that stays active while it runs, and gets every run after a rollback.</summary>
    public int BaselineVersion { get; set; }

    /// <summary><c>canary</c> or <c>shadow</c> (<see cref="RolloutModes"/>).</summary>
    public string Mode { get; set; } = RolloutModes.Canary;

    /// <summary>Percentage (1–99) of run keys sent (canary) or mirrored (shadow) to the candidate.</summary>
    public int Percent { get; set; }

    /// <summary>The window as given (ISO-8601 duration).</summary>
    public string Window { get; set; } = string.Empty;

    /// <summary>Runs the candidate needs before the rate guards count and before promoting.</summary>
    public int MinRuns { get; set; }

    /// <summary>Guard: highest wrong-decision rate (0–1), if set.</summary>
    public double? MaxWrongRate { get; set; }

    /// <summary>Guard: highest escalation rate (0–1), if set.</summary>
    public double? MaxEscalationRate { get; set; }

    /// <summary>Guard: highest degraded rate (0–1), if set.</summary>
    public double? MaxDegradedRate { get; set; }

    /// <summary>Guard: highest p95 decision latency in milliseconds, if set.</summary>
    public double? P95LatencyMs { get; set; }

    /// <summary>One of <see cref="RolloutStates"/>; a rollout starts out running.</summary>
    public string State { get; set; } = RolloutStates.Running;

    /// <summary>Why it ended or paused (the breached guard, "window ended", "aborted by …").</summary>
    public string? Reason { get; set; }

    /// <summary>Who started it.</summary>
    public string StartedById { get; set; } = string.Empty;

    /// <summary>Their display name.</summary>
    public string StartedByName { get; set; } = string.Empty;

    /// <summary>Start time (UTC).</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Start + window.</summary>
    public DateTimeOffset WindowEnd { get; set; }

    /// <summary>When it was promoted, rolled back or aborted.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}

/// <summary>
/// EF Core row for one live input mirrored to the candidate in shadow mode: the candidate's shadow result and, once
/// the live run has finished, whether it decided differently (a flip).
/// </summary>
public sealed class RolloutShadowCaseEntity
{
    /// <summary>Rollout that mirrored the input (shadow mode).</summary>
    public Guid RolloutId { get; set; }

    /// <summary>The live run whose input was mirrored.</summary>
    public Guid RunId { get; set; }

    /// <summary><c>automated</c>, <c>escalated</c> or <c>failed</c>.</summary>
    public string Outcome { get; set; } = string.Empty;

    /// <summary>The candidate's End node, if it reached one.</summary>
    public string? EndNode { get; set; }

    /// <summary>The role a gate would have escalated to.</summary>
    public string? EscalatedTo { get; set; }

    /// <summary>Whether a node took its degraded port.</summary>
    public bool Degraded { get; set; }

    /// <summary>Shadow decision latency.</summary>
    public double LatencyMs { get; set; }

    /// <summary>What the candidate's chat-model calls cost on this input, at the registered token prices.</summary>
    public decimal Cost { get; set; }

    /// <summary>The live run's End node, once it finished.</summary>
    public string? LiveEndNode { get; set; }

    /// <summary>Whether a human decided the live run (then its End node is a label).</summary>
    public bool LiveHumanDecided { get; set; }

    /// <summary>Candidate and live ended differently; null until the live run finished.</summary>
    public bool? Flipped { get; set; }

    /// <summary>When the shadow result was stored.</summary>
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// EF Core row for one live run mirrored to a shadow rollout and not yet processed (issue 13): durable, so a crash
/// between the live run's start and the shadow run loses nothing. Only ids are kept — the input is read from the run
/// itself (tokenised there like any run input), so this table holds no personal data.
/// </summary>
public sealed class RolloutMirrorEntity
{
    /// <summary>Row id (version 7).</summary>
    public Guid Id { get; set; }

    /// <summary>The shadow rollout.</summary>
    public Guid RolloutId { get; set; }

    /// <summary>Copied from the rollout so that the worker can load the candidate without reading the rollout.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>The candidate version to run in shadow.</summary>
    public int CandidateVersion { get; set; }

    /// <summary>The live run whose input is mirrored.</summary>
    public Guid RunId { get; set; }

    /// <summary>When the live run was mirrored (Unix ms; orders the queue and picks the oldest to drop).</summary>
    public long EnqueuedAtMs { get; set; }

    /// <summary>The worker holding the row, if any.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when the lease holds (Unix ms); a crashed worker's rows are claimable again after it.</summary>
    public long LeaseUntilMs { get; set; }

    /// <summary>How often the row was claimed.</summary>
    public int Attempts { get; set; }
}
