namespace Designer.Web.Runs;

/// <summary>Decision economics of one workflow version over a period.</summary>
/// <param name="WorkflowId">Workflow the numbers belong to (link target).</param>
/// <param name="WorkflowName">The workflow's current name (link text), not the name it had at that version.</param>
/// <param name="Version">Version number.</param>
/// <param name="Runs">Runs started in the period.</param>
/// <param name="Ended">Of those, runs that have ended.</param>
/// <param name="Automated">Completed with no human decision.</param>
/// <param name="Escalated">Reached a human gate.</param>
/// <param name="Degraded">Missed a model latency objective (degraded mode).</param>
/// <param name="AutomatedCost">Total cost of the automated runs.</param>
/// <param name="ReviewP50Seconds">Median time from a task's creation to its decision, in seconds.</param>
/// <param name="ReviewP95Seconds">95th percentile of the same.</param>
/// <param name="Nodes">Latency per node.</param>
public sealed record VersionEconomics(
    Guid WorkflowId,
    string WorkflowName,
    int Version,
    int Runs,
    int Ended,
    int Automated,
    int Escalated,
    int Degraded,
    decimal AutomatedCost,
    double? ReviewP50Seconds,
    double? ReviewP95Seconds,
    IReadOnlyList<NodeLatency> Nodes)
{
    /// <summary>Automated share of ended runs (0..1).</summary>
    public double AutomationRate => Ended == 0 ? 0 : (double)Automated / Ended;

    /// <summary>Share of runs that went to a human (fallback or escalation).</summary>
    public double EscalationRate => Runs == 0 ? 0 : (double)Escalated / Runs;

    /// <summary>Share of runs that ran in degraded mode.</summary>
    public double DegradedRate => Runs == 0 ? 0 : (double)Degraded / Runs;

    /// <summary>Runs a person decided: their decision is the label (issue 13, as for datasets from runs).</summary>
    public int Labelled { get; init; }

    /// <summary>Labelled runs whose automatic draft the person corrected or edited (a wrong automatic decision).</summary>
    public int Wrong { get; init; }

    /// <summary>Wrong share of labelled runs, or null without labels.</summary>
    public double? WrongRate => Labelled == 0 ? null : (double)Wrong / Labelled;

    /// <summary>Cost per automated task, or null when none was automated.</summary>
    public decimal? CostPerAutomated => Automated == 0 ? null : AutomatedCost / Automated;
}
