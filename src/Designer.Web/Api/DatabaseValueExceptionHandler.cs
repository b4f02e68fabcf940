using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Designer.Web.Api;

/// <summary>
/// Backstop for values PostgreSQL refuses although SQLite stores them (text longer than its column, characters
/// outside UTF-8, numbers out of range): the caller's input, so 400 rather than 500. The transaction that hit it
/// was rolled back, so nothing is half-saved. Validation should catch these first; this names what slipped through.
/// </summary>
internal sealed class DatabaseValueExceptionHandler(IProblemDetailsService problems, ILogger<DatabaseValueExceptionHandler> logger)
    : IExceptionHandler
{
    private static readonly HashSet<string> CallerValueStates = new(StringComparer.Ordinal)
    {
        PostgresErrorCodes.StringDataRightTruncation,
        PostgresErrorCodes.CharacterNotInRepertoire,
        PostgresErrorCodes.UntranslatableCharacter,
        PostgresErrorCodes.NumericValueOutOfRange,
        PostgresErrorCodes.ProgramLimitExceeded,
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var postgres = Find(exception);
        if (postgres is null || !CallerValueStates.Contains(postgres.SqlState))
        {
            return false;
        }

        logger.LogWarning(exception, "A value was refused by the database ({SqlState}) on {Path}", postgres.SqlState, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "A value cannot be stored",
                Detail = postgres.SqlState == PostgresErrorCodes.StringDataRightTruncation
                    ? "A text value is longer than the field allows."
                    : "A value is too large or contains characters that cannot be stored.",
            },
        });
    }

    private static PostgresException? Find(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }
}
