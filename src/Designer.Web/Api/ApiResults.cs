using Designer.Web.Workflows;

namespace Designer.Web.Api;

/// <summary>Turns service results into responses: RFC 7807 ProblemDetails for every error.</summary>
internal static class ApiResults
{
    public static IResult Problem(ServiceError error)
    {
        var extensions = new Dictionary<string, object?>();
        if (error.Problems is { Count: > 0 } problems)
        {
            extensions["errors"] = problems;
        }

        foreach (var (key, value) in error.Extensions ?? new Dictionary<string, object?>())
        {
            extensions[key] = value;
        }

        return TypedResults.Problem(error.Detail, statusCode: error.Status, title: error.Title, extensions: extensions);
    }

    public static IResult BadRequest(string detail, IReadOnlyList<ValidationProblem>? problems = null) =>
        Problem(ServiceError.BadRequest(detail, problems));

    public static IResult TooLarge() => TypedResults.Problem(
        $"The request body is larger than {ApiJson.MaxBodyBytes / (1024 * 1024)} MB.",
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    public static IResult From<T>(ServiceResult<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value!) : Problem(result.Error!);

    /// <summary>Checks paging arguments; lists are paged everywhere, 1..200 items a page.</summary>
    public static IResult? CheckPaging(int? page, int? pageSize, out int p, out int size)
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
