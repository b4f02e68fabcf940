using Designer.Hosting;

namespace Designer.Runtime.Runs;

/// <summary>
/// Why <c>RunService.StartAsync</c> refused a start, as <see cref="OperationError"/>s: the API, the webhook, the
/// schedule and batch workers and the start dialog all read the same kinds.
/// </summary>
public static class RunStartErrors
{
    /// <summary>The code of each problem of a version that cannot run here.</summary>
    public const string NotRunnableCode = "run.notRunnable";

    /// <summary>No such workflow (404).</summary>
    public static OperationError WorkflowNotFound(Guid workflowId) => OperationError.NotFound($"Workflow {workflowId} does not exist.");

    /// <summary>The workflow has no active version (409).</summary>
    public static OperationError NoActiveVersion(Guid workflowId) =>
        new(OperationErrorKind.InvalidState, $"Workflow {workflowId} has no active version to run; approve a version first.", Title: "Conflict");

    /// <summary>The version cannot run here: invalid, or a backend such as vector search is missing (422).</summary>
    /// <param name="problems">Every problem.</param>
    /// <returns>The error; its <c>errors</c> extension lists the problems as plain strings, as the API always has.</returns>
    public static OperationError NotRunnable(IReadOnlyList<string> problems) => new(
        OperationErrorKind.Unprocessable,
        "The active version cannot run here: " + string.Join("; ", problems),
        [.. problems.Select(p => new OperationProblem(NotRunnableCode, p))],
        new Dictionary<string, object?> { ["errors"] = problems },
        "Workflow not runnable");

    /// <summary>The input does not fit the start schema; nothing was stored (400).</summary>
    /// <param name="problems">Every problem.</param>
    public static OperationError InvalidInput(IReadOnlyList<string> problems) => OperationError.Invalid(
        "The input does not fit the workflow's start schema: " + string.Join("; ", problems),
        [.. problems.Select(p => new OperationProblem("run.input", p, Field: "input"))]);

    /// <summary>The problems of a refusal joined for a one-line message (a schedule occurrence, a batch row).</summary>
    /// <returns>The problem messages, separated by "; ".</returns>
    public static string JoinProblems(OperationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return string.Join("; ", error.Problems.Select(p => p.Message));
    }
}
