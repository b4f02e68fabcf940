using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>A case as sent: the input, the expected outcome, tags, and where it sits in the request.</summary>
internal sealed record CaseInput(string Path, JsonObject Input, string? ExpectedEnd, JsonObject? ExpectedOutput, IReadOnlyList<string> Tags)
{
    /// <summary>The run the case was taken from.</summary>
    public Guid? SourceRunId { get; init; }

    /// <summary>Where the label came from, when not an upload.</summary>
    public string? LabelSource { get; init; }
}

/// <summary>Which past runs to turn into cases.</summary>
internal sealed record RunFilter(int? Version, DateTimeOffset? From, DateTimeOffset? To, RunStatus? Status, int Max);

/// <summary>A dataset to create: from explicit cases, CSV text or past runs (exactly one).</summary>
internal sealed record CreateDatasetRequest(string Name, Guid WorkflowId, string? Description, IReadOnlyList<CaseInput>? Cases, string? Csv, RunFilter? FromRuns);

/// <summary>Reads dataset request bodies by hand, listing every problem rather than stopping at the first.</summary>
internal static class DatasetRequests
{
    private static readonly string[] CaseSources = ["cases", "csv", "fromRuns"];

    public const int MaxTags = 20;
    public const int MaxTagLength = 64;

    public static (CreateDatasetRequest? Request, List<ValidationProblem> Problems) ReadCreate(JsonObject body, int maxRuns)
    {
        var problems = new List<ValidationProblem>();
        var name = body["name"] is JsonValue n && n.TryGetValue<string>(out var s) ? s.Trim() : null;
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            problems.Add(new("dataset.name", "name is required (1–200 characters).", Field: "name"));
        }

        Guid workflowId = default;
        if (body["workflowId"] is not JsonValue w || !w.TryGetValue<string>(out var ws) || !Guid.TryParse(ws, out workflowId))
        {
            problems.Add(new("dataset.workflowId", "workflowId (a workflow id) is required.", Field: "workflowId"));
        }

        string? description = null;
        if (body["description"] is { } d)
        {
            if (d is JsonValue dv && dv.TryGetValue<string>(out var ds) && ds.Length <= 2000)
            {
                description = ds;
            }
            else
            {
                problems.Add(new("dataset.description", "description must be a string of at most 2,000 characters.", Field: "description"));
            }
        }

        var sources = CaseSources.Count(k => body[k] is not null);
        if (sources != 1)
        {
            problems.Add(new("dataset.source", "Give exactly one of cases (JSON), csv (text) or fromRuns (a run filter).", Field: "cases"));
        }

        IReadOnlyList<CaseInput>? cases = null;
        if (body["cases"] is { } c)
        {
            cases = ReadCases(c, "cases", problems);
        }

        string? csv = null;
        if (body["csv"] is { } cv)
        {
            if (cv is JsonValue cvv && cvv.TryGetValue<string>(out var text))
            {
                csv = text;
            }
            else
            {
                problems.Add(new("dataset.csv", "csv must be the CSV text as a string.", Field: "csv"));
            }
        }

        RunFilter? filter = null;
        if (body["fromRuns"] is { } f)
        {
            filter = ReadFilter(f, maxRuns, problems);
        }

        return problems.Count > 0 ? (null, problems) : (new CreateDatasetRequest(name!, workflowId, description, cases, csv, filter), problems);
    }

    /// <summary>A JSON array of <c>{"input": {…}, "expected": {"end": "…", "output": {…}}, "tags": […]}</c>.</summary>
    public static List<CaseInput> ReadCases(JsonNode node, string path, List<ValidationProblem> problems)
    {
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

            var input = item["input"] as JsonObject;
            if (input is null)
            {
                problems.Add(new("case.input", "input must be a JSON object.", Field: $"{at}.input"));
            }

            var expected = item["expected"] as JsonObject;
            var end = expected?["end"] is JsonValue ev && ev.TryGetValue<string>(out var es) ? es : null;
            var output = expected?["output"] as JsonObject;
            if (expected is null || (end is null && output is null) || (expected["end"] is not null && end is null) || (expected["output"] is not null && output is null))
            {
                problems.Add(new("case.expected", "expected must name the End node (\"end\": string) and/or output fields (\"output\": object).", Field: $"{at}.expected"));
            }

            var tags = ReadTags(item["tags"], $"{at}.tags", problems);
            if (input is not null)
            {
                cases.Add(new CaseInput(at, (JsonObject)input.DeepClone(), end, (JsonObject?)output?.DeepClone(), tags));
            }
        }

        return cases;
    }

    public static List<string> ReadTags(JsonNode? node, string path, List<ValidationProblem> problems)
    {
        var tags = new List<string>();
        if (node is null)
        {
            return tags;
        }

        if (node is not JsonArray array || array.Count > MaxTags
            || array.Any(t => t is not JsonValue v || !v.TryGetValue<string>(out var s) || string.IsNullOrWhiteSpace(s) || s.Length > MaxTagLength))
        {
            problems.Add(new("case.tags", $"tags must be an array of at most {MaxTags} non-blank strings of at most {MaxTagLength} characters.", Field: path));
            return tags;
        }

        tags.AddRange(array.Select(t => t!.GetValue<string>().Trim()).Distinct(StringComparer.Ordinal));
        return tags;
    }

    private static RunFilter? ReadFilter(JsonNode node, int maxRuns, List<ValidationProblem> problems)
    {
        if (node is not JsonObject filter)
        {
            problems.Add(new("fromRuns.shape", "fromRuns is {\"version\": n, \"from\": date, \"to\": date, \"status\": \"completed\", \"max\": n} (all optional).", Field: "fromRuns"));
            return null;
        }

        var count = problems.Count;
        var version = Integer(filter, "version", 1, int.MaxValue, problems);
        var max = Integer(filter, "max", 1, maxRuns, problems) ?? Math.Min(1000, maxRuns);
        var from = Date(filter, "from", problems);
        var to = Date(filter, "to", problems);
        if (from is not null && to is not null && from >= to)
        {
            problems.Add(new("fromRuns.range", "from must be before to.", Field: "fromRuns.from"));
        }

        RunStatus? status = RunStatus.Completed;
        if (filter["status"] is { } st)
        {
            status = st is JsonValue sv && sv.TryGetValue<string>(out var ss) && Enum.TryParse<RunStatus>(ss, ignoreCase: true, out var parsed) && !int.TryParse(ss, out _)
                ? parsed
                : null;
            if (status is null)
            {
                problems.Add(new("fromRuns.status", $"status must be one of {string.Join(", ", Enum.GetNames<RunStatus>())}.", Field: "fromRuns.status"));
            }
        }

        return problems.Count > count ? null : new RunFilter(version, from, to, status, max);
    }

    private static int? Integer(JsonObject o, string key, int min, int max, List<ValidationProblem> problems)
    {
        if (o[key] is null)
        {
            return null;
        }

        if (o[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i) && i >= min && i <= max)
        {
            return i;
        }

        problems.Add(new($"fromRuns.{key}", $"{key} must be a whole number from {min} to {max.ToString("N0", CultureInfo.InvariantCulture)}.", Field: $"fromRuns.{key}"));
        return null;
    }

    private static DateTimeOffset? Date(JsonObject o, string key, List<ValidationProblem> problems)
    {
        if (o[key] is null)
        {
            return null;
        }

        if (o[key] is JsonValue v && v.TryGetValue<string>(out var s)
            && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date.ToUniversalTime();
        }

        problems.Add(new($"fromRuns.{key}", $"{key} must be an ISO 8601 date or time.", Field: $"fromRuns.{key}"));
        return null;
    }
}
