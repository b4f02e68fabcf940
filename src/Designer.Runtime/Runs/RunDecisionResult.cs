using Designer.Persistence;

namespace Designer.Runtime.Runs;

/// <summary>The outcome of <see cref="RunService.DecideAsync"/>.</summary>
public abstract record RunDecisionResult
{
    private RunDecisionResult()
    {
    }

    /// <summary>This decision won; the run resumes in the background.</summary>
    /// <param name="Task">The decided task.</param>
    public sealed record Accepted(HumanTaskRecord Task) : RunDecisionResult;

    /// <summary>No such task.</summary>
    public sealed record NotFound : RunDecisionResult;

    /// <summary>The task is not pending any more (another decision won, or it was cancelled).</summary>
    /// <param name="Status">Its status.</param>
    public sealed record Conflict(HumanTaskStatus Status) : RunDecisionResult;

    /// <summary>The decision or the edits are not allowed by the task.</summary>
    /// <param name="Message">Why the decision was refused, shown to the decider.</param>
    public sealed record Invalid(string Message) : RunDecisionResult;
}
