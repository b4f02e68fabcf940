using Designer.Runtime.Runs;
using Designer.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

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
    /// <param name="wait">How long to wait for the run to settle, if asked.</param>
    /// <param name="services">The request's services (run store, run host, clock).</param>
    /// <param name="cancellationToken">The caller went away.</param>
    public static async Task<Results<Ok<RunResponse>, Accepted<RunStartedResponse>, ProblemHttpResult>> FromAsync(OperationResult<RunRecord> result, TimeSpan? wait, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsSuccess ? await StartedAsync(result.Value.Id, wait, services, cancellationToken) : ApiResults.Problem(result.Error);
    }

    /// <summary>The reply for a run that exists (just started, or the first run of a repeated delivery).</summary>
    /// <param name="wait">How long to wait for it to settle, if asked.</param>
    /// <param name="services">The request's services.</param>
    /// <param name="cancellationToken">The caller went away.</param>
    /// <returns>200 with the settled run, or 202 with the status URL.</returns>
    public static async Task<Results<Ok<RunResponse>, Accepted<RunStartedResponse>, ProblemHttpResult>> StartedAsync(Guid runId, TimeSpan? wait, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (wait is not { } asked)
        {
            return TypedResults.Accepted($"/api/runs/{runId}", new RunStartedResponse(runId));
        }

        // Issue 15: a caller that asked to wait gets the settled run (200) like a webhook's response node gives
        // n8n's callers; a run still going at the deadline is a 202 with its status URL, as without a wait.
        var run = await RunCompletion.WaitAsync(
            runId, asked, services.GetRequiredService<IRunStore>(), services.GetRequiredService<RunExecutionHost>(), services.GetRequiredService<TimeProvider>(), cancellationToken);
        if (run is not null && run.IsTerminal)
        {
            return TypedResults.Ok(RunResponse.From(run));
        }

        return TypedResults.Accepted($"/api/runs/{runId}", new RunStartedResponse(runId, run?.Status ?? RunStatus.Running));
    }
}
