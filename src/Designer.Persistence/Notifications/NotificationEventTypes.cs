namespace Designer.Persistence;

/// <summary>The run events sent to notification subscribers (issue 16).</summary>
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

    /// <summary>Every event type, for validation.</summary>
    public static IReadOnlyList<string> All { get; } = [RunCompleted, RunFailed, RunWaiting, RunCancelled];

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
