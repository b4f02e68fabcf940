using Designer.Retrieval.Collections;
using Designer.Web.Api;
using Designer.Web.Workflows;

namespace Designer.Web.Collections;

/// <summary>Maps collection results to responses: ProblemDetails listing every problem.</summary>
internal static class CollectionApi
{
    public static IResult From<T>(CollectionResult<T> result, Func<T, IResult> onSuccess) =>
        result.IsSuccess ? onSuccess(result.Value!) : Problem(result.Error!);

    public static IResult Problem(CollectionError error) => ApiResults.Problem(ToServiceError(error));

    public static ServiceError ToServiceError(CollectionError error) => error.Kind switch
    {
        CollectionErrorKind.NotFound => ServiceError.NotFound(error.Detail),
        CollectionErrorKind.Conflict => ServiceError.Conflict(error.Detail),
        _ => ServiceError.BadRequest(error.Detail, [.. error.Problems.Select(p => new ValidationProblem(Code(p.Field), p.Message, Field: p.Field))]),
    };

    private static string Code(string field)
    {
        var root = field.Split('[', '.')[0];
        return "collection." + (root.Length == 0 ? "invalid" : root);
    }
}
