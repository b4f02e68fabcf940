namespace Designer.Persistence;

/// <summary>Helpers over <see cref="RunStatus"/>.</summary>
public static class RunStatuses
{
    /// <summary>True for statuses a run never leaves.</summary>
    /// <returns>True when terminal.</returns>
    public static bool IsTerminal(RunStatus status) =>
        status is RunStatus.Completed or RunStatus.Faulted or RunStatus.Cancelled or RunStatus.Interrupted;
}
