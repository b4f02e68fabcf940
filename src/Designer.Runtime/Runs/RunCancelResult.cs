using Designer.Persistence;

namespace Designer.Runtime.Runs;

/// <summary>The outcome of <see cref="RunService.CancelAsync"/>.</summary>
public abstract record RunCancelResult
{
    private RunCancelResult()
    {
    }

    /// <summary>The run is now Cancelled.</summary>
    /// <param name="Run">The run as it stands after the cancel.</param>
    public sealed record Cancelled(RunRecord Run) : RunCancelResult;

    /// <summary>No such run.</summary>
    public sealed record NotFound : RunCancelResult;

    /// <summary>The run has already ended.</summary>
    /// <param name="Status">Its status.</param>
    public sealed record Conflict(RunStatus Status) : RunCancelResult;
}
