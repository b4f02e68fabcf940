using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Designer.Web.Api;

/// <summary>
/// A call that ran out of time (a grain's answer after <c>Designer:Cluster:GrainCallTimeout</c>) or a database that is
/// briefly unreachable (a failure the provider marks transient, e.g. PostgreSQL's "too many clients") is a busy
/// system, not a broken request: 503 instead of 500. The outcome is unknown — a grain keeps working on a call its
/// caller stopped waiting for — so the answer says to look before repeating, and carries no Retry-After that would
/// invite a blind repeat.
/// </summary>
internal sealed class TransientFailureExceptionHandler(IProblemDetailsService problems, ILogger<TransientFailureExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransient(exception))
        {
            return false;
        }

        logger.LogWarning(exception, "{Method} {Path} failed on a busy or briefly unreachable dependency", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Not completed in time",
                Detail = "The system is busy and the request did not complete; it may still take effect. "
                    + "Look at what it changes before sending it again.",
            },
        });
    }

    /// <summary>Whether the exception, or one it wraps, is a timeout or a database failure its provider calls transient.</summary>
    internal static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is TimeoutException or DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
