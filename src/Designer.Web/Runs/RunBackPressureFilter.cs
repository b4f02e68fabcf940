using Designer.Runtime.Runs;

namespace Designer.Web.Runs;

/// <summary>
/// Refuses a run start with 503 + <c>Retry-After</c> while this host's run backlog is at
/// <c>Designer:Runtime:MaxQueuedRuns</c>, before anything is stored: a caller that outpaces the engine is told to
/// come back instead of queueing work without bound (issue 14, resilience). Each host judges by its own backlog.
/// </summary>
internal sealed class RunBackPressureFilter(RunExecutionHost host) : IEndpointFilter
{
    /// <summary>Seconds a refused caller is asked to wait.</summary>
    public const int RetryAfterSeconds = 1;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!host.IsSaturated)
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            $"This host has {host.Backlog} runs waiting to execute, its limit; no run was started. Try again after Retry-After.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Run queue full");
    }
}
