
namespace Designer.Web.Workflows;

/// <summary>Why an application-service call did not succeed, in HTTP terms the API and the pages both use.</summary>
internal sealed record ServiceError(
    int Status,
    string Title,
    string Detail,
    IReadOnlyList<ValidationProblem>? Problems = null,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static ServiceError NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found", detail);

    public static ServiceError Forbidden(string detail) => new(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static ServiceError BadRequest(string detail, IReadOnlyList<ValidationProblem>? problems = null) =>
        new(StatusCodes.Status400BadRequest, "Invalid request", detail, problems);

    public static ServiceError Conflict(string detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(StatusCodes.Status409Conflict, "Conflict", detail, Extensions: extensions);
}

/// <summary>A value or a <see cref="ServiceError"/>.</summary>
internal readonly record struct ServiceResult<T>(T? Value, ServiceError? Error)
{
    public bool IsSuccess => Error is null;

    public static implicit operator ServiceResult<T>(T value) => new(value, null);

    public static implicit operator ServiceResult<T>(ServiceError error) => new(default, error);
}
