using Designer.Persistence;

namespace Designer.Runtime.Runs;

/// <summary>The outcome of <c>RunService.StartAsync</c>.</summary>
public abstract record RunStartResult
{
    private RunStartResult()
    {
    }

    /// <summary>Accepted: the run is recorded and executes in the background.</summary>
    /// <param name="Run">The new run.</param>
    public sealed record Started(RunRecord Run) : RunStartResult;

    /// <summary>No such workflow.</summary>
    public sealed record WorkflowNotFound : RunStartResult;

    /// <summary>The workflow has no active version.</summary>
    public sealed record NoActiveVersion : RunStartResult;

    /// <summary>The active version cannot run here (invalid, or a backend such as vector search is missing).</summary>
    /// <param name="Problems">Every problem.</param>
    public sealed record NotRunnable(IReadOnlyList<string> Problems) : RunStartResult;

    /// <summary>The input does not fit the start schema (asked for by <see cref="RunStartOptions.ValidateInput"/>); nothing was stored.</summary>
    /// <param name="Problems">Every problem.</param>
    public sealed record InvalidInput(IReadOnlyList<string> Problems) : RunStartResult;
}
