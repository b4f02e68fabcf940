using System.Text.Json.Nodes;
using Designer.Web.Api;

namespace Designer.Web.Runs;

/// <summary>
/// Binds the run and task request bodies so that one refusal lists every problem: a wrongly typed property is listed
/// (in the old <c>'name' must be …</c> wording of these endpoints) and then read as absent, so the handler still checks
/// the values of the well-typed rest instead of stopping at the first bad type.
/// </summary>
internal static class RunRequestBinding
{
    /// <summary>Binds <paramref name="json"/> to <typeparamref name="T"/>, adding each wrongly typed property to <paramref name="problems"/>.</summary>
    /// <typeparam name="T">The request record.</typeparam>
    /// <param name="json">The parsed body.</param>
    /// <param name="codePrefix">The problem codes' prefix, e.g. <c>task</c>.</param>
    /// <param name="problems">Receives one problem per wrongly typed property.</param>
    /// <returns>The record with those properties left out, or null when even the rest cannot be bound.</returns>
    public static T? BindEach<T>(JsonObject json, string codePrefix, List<OperationProblem> problems)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(problems);
        var typeProblems = new List<OperationProblem>();
        if (ApiJson.Bind<T>(json, codePrefix, typeProblems) is { } bound)
        {
            return bound;
        }

        var rest = json.DeepClone().AsObject();
        foreach (var problem in typeProblems)
        {
            if (problem.Field is { } field)
            {
                rest.Remove(field);
            }

            problems.Add(problem.Field is { } name && problem.Message.Length > 1
                ? problem with { Message = $"'{name}' {char.ToLowerInvariant(problem.Message[0])}{problem.Message[1..]}" }
                : problem);
        }

        if (!typeProblems.TrueForAll(p => p.Field is not null))
        {
            return null;
        }

        // A fresh list: the binder gives up on any problem already listed.
        var restProblems = new List<OperationProblem>();
        var value = ApiJson.Bind<T>(rest, codePrefix, restProblems);
        problems.AddRange(restProblems);
        return value;
    }
}
