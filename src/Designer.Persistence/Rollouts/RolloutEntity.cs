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
