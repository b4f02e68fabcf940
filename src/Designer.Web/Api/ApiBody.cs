using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Api;

/// <summary>
/// Binds a request record for a service that names every problem at once: a wrongly typed property does not stop the
/// binding (as it does in <see cref="ApiJson.ReadAsync{T}"/>) but is left out of the record and listed, so the service
/// can report it together with the problems of the values that did bind.
/// </summary>
internal static class ApiBody
{
    /// <summary>Reads an optional JSON object body (empty reads as <c>{}</c>) into <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The request record; every property is nullable, since a wrongly typed one is left out.</typeparam>
    /// <param name="request">The request whose body is read.</param>
    /// <param name="codePrefix">The problem codes' prefix, e.g. <c>schedule</c>.</param>
    /// <param name="cancellationToken">The caller went away.</param>
    /// <returns>
    /// The record and the wrongly typed properties' problems, or the refusal of a body that is too large or no JSON
    /// object (then the record is null).
    /// </returns>
    public static async Task<(T? Value, IReadOnlyList<OperationProblem> Problems, ProblemHttpResult? Error)> ReadAsync<T>(
        HttpRequest request, string codePrefix, CancellationToken cancellationToken)
        where T : class
    {
        var (value, json, bad) = await ApiJson.ReadAsync<T>(request, codePrefix, "The request is invalid.", required: false, cancellationToken);
        if (json is null || bad is null)
        {
            return (value, [], bad);
        }

        // The strict read refused a wrongly typed property: bind again, leaving those out and listing them.
        var problems = new List<OperationProblem>();
        var partial = ApiJson.BindEach<T>(json, codePrefix, problems);
        return partial is not null && problems.TrueForAll(p => p.Field is not null)
            ? (partial, problems, null)
            // Nothing a property can be blamed for (the record itself could not be built): the binder's refusal.
            : (null, [], bad);
    }
}
