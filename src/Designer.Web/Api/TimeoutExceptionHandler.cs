using Microsoft.AspNetCore.Diagnostics;

namespace Designer.Web.Api;

/// <summary>
/// A call that ran out of time (a grain's answer after <c>Designer:Cluster:GrainCallTimeout</c>, a database command
/// timeout) is a busy system, not a broken request: 503 instead of 500. The outcome is unknown — a grain keeps
/// working on a call its caller stopped waiting for — so the answer says to look before repeating, and carries no
/// Retry-After that would invite a blind repeat.
/// </summary>
internal sealed class TimeoutExceptionHandler(IProblemDetailsService problems, ILogger<TimeoutExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not TimeoutException)
        {
            return false;
        }

        logger.LogWarning(exception, "{Method} {Path} ran out of time", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Not completed in time",
                Detail = "The system is busy and the request did not complete in time; it may still take effect. "
                    + "Look at what it changes before sending it again.",
            },
        });
    }
}
