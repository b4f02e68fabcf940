namespace Designer.Web.Runs;

/// <summary>How far a node of a run has got, as the run page paints it.</summary>
public enum NodeRunStatus
{
    /// <summary>Not reached yet.</summary>
    Pending,

    /// <summary>Started, not finished.</summary>
    Running,

    /// <summary>Finished normally.</summary>
    Succeeded,

    /// <summary>Ended with an error (after any retries).</summary>
    Failed,

    /// <summary>A human gate waiting for its decision.</summary>
    WaitingForHuman,

    /// <summary>Never reached by a run that has ended.</summary>
    Skipped,

    /// <summary>Finished on its degraded path (a missed latency objective).</summary>
    Degraded,
}
