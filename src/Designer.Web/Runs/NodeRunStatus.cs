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

/// <summary>The names the canvas module and the page's CSS use for <see cref="NodeRunStatus"/>.</summary>
public static class NodeRunStatusNames
{
    /// <summary>The canvas name of a status.</summary>
    /// <returns>pending, running, succeeded, failed, waiting, skipped or degraded.</returns>
    public static string Of(NodeRunStatus status) => status switch
    {
        NodeRunStatus.Running => "running",
        NodeRunStatus.Succeeded => "succeeded",
        NodeRunStatus.Failed => "failed",
        NodeRunStatus.WaitingForHuman => "waiting",
        NodeRunStatus.Skipped => "skipped",
        NodeRunStatus.Degraded => "degraded",
        _ => "pending",
    };
}
