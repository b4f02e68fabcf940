using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Web.Api;

namespace Designer.Web.Runs;

/// <summary>The optional <c>runKey</c> and <c>version</c> of a run start body (issue 13), every problem listed.</summary>
internal static class RunStartFields
{
    /// <summary>Most characters of a run key.</summary>
    public const int MaxRunKeyLength = 200;

    /// <summary>Reads the fields into <paramref name="runKey"/> (body wins over the header) and <paramref name="version"/>.</summary>
    /// <returns>A ProblemDetails result, or null when both are fine.</returns>
    public static IResult? Read(JsonObject body, ref string? runKey, ref int? version)
    {
        var problems = new List<ValidationProblem>();
        switch (body["runKey"])
        {
            case null:
                break;
            case JsonValue k when k.GetValueKind() == JsonValueKind.String && k.GetValue<string>() is { Length: > 0 and <= MaxRunKeyLength } key:
                runKey = key;
                break;
            default:
                problems.Add(new ValidationProblem("run.runKey", $"runKey must be a string of 1 to {MaxRunKeyLength} characters.", Field: "runKey"));
                break;
        }

        if (runKey is { Length: > MaxRunKeyLength })
        {
            problems.Add(new ValidationProblem("run.runKey", $"The Idempotency-Key header must be at most {MaxRunKeyLength} characters.", Field: "Idempotency-Key"));
        }

        switch (body["version"])
        {
            case null:
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) && n >= 1:
                version = n;
                break;
            default:
                problems.Add(new ValidationProblem("run.version", "version must be a whole number of at least 1.", Field: "version"));
                break;
        }

        return problems.Count == 0 ? null : ApiResults.BadRequest("The run start is invalid; nothing was started.", problems);
    }
}
