namespace Designer.Persistence;

/// <summary>The events sent to notification subscribers: run events (issue 16) and automatic rollbacks (issue 13).</summary>
public static class NotificationEventTypes
{
    /// <summary>A run ended with an output.</summary>
    public const string RunCompleted = "run.completed";

    /// <summary>A run faulted.</summary>
    public const string RunFailed = "run.failed";

    /// <summary>A run waits at a human gate.</summary>
    public const string RunWaiting = "run.waiting";

    /// <summary>A run was cancelled.</summary>
    public const string RunCancelled = "run.cancelled";

    /// <summary>A rollout's guard was breached and it rolled back to the baseline (issue 13); not about one run.</summary>
    public const string RolloutRolledBack = "rollout.rolled_back";

    /// <summary>Every event type, for validation (a subscriber listing no event gets them all).</summary>
    public static IReadOnlyList<string> All { get; } = [RunCompleted, RunFailed, RunWaiting, RunCancelled, RolloutRolledBack];

    /// <summary>The event a change to <paramref name="status"/> raises; null when it raises none (running, interrupted).</summary>
    public static string? For(RunStatus status) => status switch
    {
        RunStatus.Completed => RunCompleted,
        RunStatus.Faulted => RunFailed,
        RunStatus.WaitingForHuman => RunWaiting,
        RunStatus.Cancelled => RunCancelled,
        _ => null,
    };
}
