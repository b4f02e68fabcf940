namespace Designer.Persistence;

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
