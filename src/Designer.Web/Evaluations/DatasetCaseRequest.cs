using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>One case of a dataset as sent in <c>POST /api/datasets</c> or <c>POST /api/datasets/{id}/cases</c>.</summary>
/// <param name="Input">The start input, checked against the workflow's start schema (required).</param>
/// <param name="Expected">The expected End node and/or output fields (required).</param>
/// <param name="Tags">Labels such as <c>critical</c>: at most 20 non-blank strings of at most 64 characters.</param>
internal sealed record DatasetCaseRequest(JsonObject? Input = null, ExpectedRequest? Expected = null, IReadOnlyList<string>? Tags = null)
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 64;

    /// <summary>
    /// Reads the cases of a request: an array of case objects, each bound to this record; every problem is listed
    /// with the case's position (<c>cases[2].input</c>) and only the cases with an input object are returned.
    /// </summary>
    public static List<CaseInput> ReadAll(JsonNode node, string path, List<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(problems);
        var cases = new List<CaseInput>();
        if (node is not JsonArray array)
        {
            problems.Add(new("case.shape", $"{path} must be an array of cases.", Field: path));
            return cases;
        }

        for (var i = 0; i < array.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (array[i] is not JsonObject item)
            {
                problems.Add(new("case.shape", "A case is {\"input\": {…}, \"expected\": {\"end\": \"…\", \"output\": {…}}, \"tags\": […]}.", Field: at));
                continue;
            }

            if (Read(item, at, problems) is { } input)
            {
                cases.Add(input);
            }
        }

        return cases;
    }

    /// <summary>Binds one case and checks it; null when it has no input object (its problems are in <paramref name="problems"/>).</summary>
    private static CaseInput? Read(JsonObject json, string at, List<ValidationProblem> problems)
    {
        var request = EvaluationBinding.Bind<DatasetCaseRequest>(json, name => name.ToUpperInvariant() switch
        {
            "INPUT" => InputProblem(at),
            "EXPECTED" => ExpectedProblem(at),
            _ => TagsProblem(at),
        }, problems, out var wrong);
        if (request?.Input is null && !wrong.Contains("input"))
        {
            problems.Add(InputProblem(at));
        }

        var expected = request?.Expected;
        if (!wrong.Contains("expected") && (expected is null || (expected.End is null && expected.Output is null)))
        {
            problems.Add(ExpectedProblem(at));
        }

        var tags = request?.Tags ?? [];
        if (!wrong.Contains("tags") && (tags.Count > MaxTags || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxTagLength)))
        {
            problems.Add(TagsProblem(at));
            tags = [];
        }

        // The objects as sent (case-sensitive, as the start schema reads them), not the serializer's copies.
        return request?.Input is not null && EvaluationBinding.Original(json, "input") is { } input
            ? new CaseInput(at, input, expected?.End, expected?.Output is null ? null : EvaluationBinding.Original(json, "expected", "output"),
                [.. tags.Select(t => t.Trim()).Distinct(StringComparer.Ordinal)])
            : null;
    }

    private static ValidationProblem InputProblem(string at) => new("case.input", "input must be a JSON object.", Field: $"{at}.input");

    private static ValidationProblem ExpectedProblem(string at) =>
        new("case.expected", "expected must name the End node (\"end\": string) and/or output fields (\"output\": object).", Field: $"{at}.expected");

    private static ValidationProblem TagsProblem(string at) =>
        new("case.tags", $"tags must be an array of at most {MaxTags} non-blank strings of at most {MaxTagLength} characters.", Field: $"{at}.tags");
}
