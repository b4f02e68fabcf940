using Designer.Runtime.Runs;
using Designer.Web.Api;
using Designer.Web.Workflows;

namespace Designer.Web.Runs;

/// <summary>
/// The answer to a run start, shared by the REST start and the webhook (issue 16): 202 with the status URL, or — when
/// the caller asked to wait — 200 with the settled run (masked like every run response) or 202 at the deadline; every
/// refusal as ProblemDetails.
/// </summary>
internal static class RunStartReply
{
    /// <summary>Turns a start result into the response.</summary>
    /// <param name="result">What the run service answered.</param>
    /// <param name="workflowId">The workflow (for messages).</param>
    /// <param name="wait">How long to wait for the run to settle, if asked.</param>
    /// <param name="services">The request's services (run store, run host, clock).</param>
    /// <param name="cancellationToken">The caller went away.</param>
    public static async Task<IResult> FromAsync(RunStartResult result, Guid workflowId, TimeSpan? wait, IServiceProvider services, CancellationToken cancellationToken) =>
        result switch
        {
            RunStartResult.Started started => await StartedAsync(started.Run.Id, wait, services, cancellationToken),
            RunStartResult.WorkflowNotFound => ApiResults.Problem(ServiceError.NotFound($"Workflow {workflowId} does not exist.")),
            RunStartResult.NoActiveVersion => ApiResults.Problem(ServiceError.Conflict($"Workflow {workflowId} has no active version to run; approve a version first.")),
            RunStartResult.NotRunnable notRunnable => TypedResults.Problem(
                "The active version cannot run here: " + string.Join("; ", notRunnable.Problems),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Workflow not runnable",
                extensions: new Dictionary<string, object?> { ["errors"] = notRunnable.Problems }),
            RunStartResult.InvalidInput invalid => ApiResults.BadRequest(
                "The input does not fit the workflow's start schema: " + string.Join("; ", invalid.Problems),
                [.. invalid.Problems.Select(p => new ValidationProblem("run.input", p, Field: "input"))]),
            _ => throw new InvalidOperationException("Unknown start result."),
        };

    /// <summary>The reply for a run that exists (just started, or the first run of a repeated delivery).</summary>
    /// <param name="wait">How long to wait for it to settle, if asked.</param>
    /// <param name="services">The request's services.</param>
    /// <param name="cancellationToken">The caller went away.</param>
    /// <returns>200 with the settled run, or 202 with the status URL.</returns>
    public static async Task<IResult> StartedAsync(Guid runId, TimeSpan? wait, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (wait is not { } asked)
        {
            return TypedResults.Accepted($"/api/runs/{runId}", new { runId });
        }

        // Issue 15: a caller that asked to wait gets the settled run (200) like a webhook's response node gives
        // n8n's callers; a run still going at the deadline is a 202 with its status URL, as without a wait.
        var run = await RunCompletion.WaitAsync(
            runId, asked, services.GetRequiredService<IRunStore>(), services.GetRequiredService<RunExecutionHost>(), services.GetRequiredService<TimeProvider>(), cancellationToken);
        if (run is not null && run.IsTerminal)
        {
            return TypedResults.Ok(RunResponse.From(run));
        }

        return TypedResults.Accepted($"/api/runs/{runId}", new { runId, status = run?.Status ?? RunStatus.Running });
    }
}
