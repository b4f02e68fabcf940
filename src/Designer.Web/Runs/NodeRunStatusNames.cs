namespace Designer.Web.Runs;

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
