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
        ArgumentNullException.ThrowIfNull(problems);
        var bound = new List<OperationProblem>();
        var value = ApiJson.BindEach<T>(json, codePrefix, bound);
        problems.AddRange(bound.Select(p => p.Field is { } name && p.Message.Length > 1
            ? p with { Message = $"'{name}' {char.ToLowerInvariant(p.Message[0])}{p.Message[1..]}" }
            : p));
        return value;
    }
}
