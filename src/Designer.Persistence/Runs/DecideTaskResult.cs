namespace Designer.Persistence;

/// <summary>The outcome of <see cref="IRunStore.DecideTaskAsync"/>.</summary>
public abstract record DecideTaskResult
{
    private DecideTaskResult()
    {
    }

    /// <summary>This decision won; the task is now Decided.</summary>
    public sealed record Decided(HumanTaskRecord Task) : DecideTaskResult;

    /// <summary>The task is no longer pending (another decision won, or it timed out or was cancelled).</summary>
    /// <param name="Status">Its current status.</param>
    public sealed record Conflict(HumanTaskStatus Status) : DecideTaskResult;

    /// <summary>No such task.</summary>
    public sealed record NotFound : DecideTaskResult;
}
