using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Designer.Workflows.Validation.ValidationProblem;


namespace Designer.Web.Api;

/// <summary>
/// The one place a refused operation becomes a response: every <see cref="OperationError"/> is an RFC 7807
/// ProblemDetails whose status follows from its kind, with every problem in the <c>errors</c> extension.
/// </summary>
internal static class ApiResults
{
    /// <summary>The HTTP status of each kind of refusal.</summary>
    public static int StatusOf(OperationErrorKind kind) => kind switch
    {
        OperationErrorKind.Invalid => StatusCodes.Status400BadRequest,
        OperationErrorKind.NotFound => StatusCodes.Status404NotFound,
        OperationErrorKind.Conflict or OperationErrorKind.InvalidState => StatusCodes.Status409Conflict,
        OperationErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        OperationErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        OperationErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        OperationErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        OperationErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        OperationErrorKind.Gone => StatusCodes.Status410Gone,
        OperationErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of refusal."),
    };

    /// <summary>The usual title of each kind; an error may bring its own.</summary>
    public static string TitleOf(OperationErrorKind kind) => kind switch
    {
        OperationErrorKind.Invalid => "Invalid request",
        OperationErrorKind.NotFound => "Not found",
        OperationErrorKind.Conflict or OperationErrorKind.InvalidState => "Conflict",
        OperationErrorKind.Forbidden => "Forbidden",
        OperationErrorKind.PreconditionRequired => "Precondition required",
        OperationErrorKind.Unprocessable => "Unprocessable request",
        OperationErrorKind.TooLarge => "Payload too large",
        OperationErrorKind.UnsupportedMediaType => "Unsupported media type",
        OperationErrorKind.Gone => "Gone",
        OperationErrorKind.Unavailable => "Service unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown kind of refusal."),
    };

    public static ProblemHttpResult Problem(OperationError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var extensions = new Dictionary<string, object?>();
        if (error.Problems is { Count: > 0 } problems)
        {
            extensions["errors"] = problems;
        }

        // Extensions come last so an error may list its problems in another shape (the 422 of a run start lists strings).
        foreach (var (key, value) in error.Extensions ?? new Dictionary<string, object?>())
        {
            extensions[key] = value;
        }

        return TypedResults.Problem(error.Detail, statusCode: StatusOf(error.Kind), title: error.Title ?? TitleOf(error.Kind), extensions: extensions);
    }

    public static ProblemHttpResult BadRequest(string detail, IEnumerable<ValidationProblem>? problems = null) =>
        Problem(OperationError.Invalid(detail, problems?.ToOperationProblems()));

    public static ProblemHttpResult TooLarge() => Problem(new OperationError(
        OperationErrorKind.TooLarge, $"The request body is larger than {ApiJson.MaxBodyBytes / (1024 * 1024)} MB."));

    public static IResult From<T>(OperationResult<T> result, Func<T, IResult> onSuccess)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : Problem(result.Error);
    }

    /// <summary>The typed answer of an operation: <paramref name="onSuccess"/>'s result, or the error's ProblemDetails.</summary>
    public static Results<TOk, ProblemHttpResult> Match<T, TOk>(OperationResult<T> result, Func<T, TOk> onSuccess)
        where TOk : IResult
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(onSuccess);
        return result.IsSuccess ? onSuccess(result.Value) : Problem(result.Error);
    }

    /// <summary>Checks paging arguments; lists are paged everywhere, 1..200 items a page.</summary>
    public static ProblemHttpResult? CheckPaging(int? page, int? pageSize, out int p, out int size)
    {
        p = page ?? 1;
        size = pageSize ?? 50;
        var problems = new List<ValidationProblem>();
        if (p < 1)
        {
            problems.Add(new ValidationProblem("paging.page", "page must be 1 or more.", Field: "page"));
        }

        if (size is < 1 or > 200)
        {
            problems.Add(new ValidationProblem("paging.pageSize", "pageSize must be between 1 and 200.", Field: "pageSize"));
        }
        else if (p >= 1 && (long)p * size > int.MaxValue)
        {
            problems.Add(new ValidationProblem("paging.page", $"page × pageSize must not exceed {int.MaxValue:N0}.", Field: "page"));
        }

        return problems.Count == 0 ? null : BadRequest("The paging arguments are out of range.", problems);
    }
}
