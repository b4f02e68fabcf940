using System.Globalization;
using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>The <c>fromRuns</c> part of <c>POST /api/datasets</c>: which past runs become cases (every property optional).</summary>
/// <param name="Version">Only runs of this workflow version (1 or more); null for every version.</param>
/// <param name="From">Only runs started at or after this ISO 8601 date or time (UTC when it has no offset).</param>
/// <param name="To">Only runs started before this ISO 8601 date or time (UTC when it has no offset); after <paramref name="From"/>.</param>
/// <param name="Status">Only runs in this status; <c>completed</c> when absent.</param>
/// <param name="Max">At most this many cases (from 1 to <c>Designer:Evaluation:MaxRunsPerImport</c>); 1,000 or that limit when absent.</param>
internal sealed record RunFilterRequest(int? Version = null, string? From = null, string? To = null, string? Status = null, int? Max = null)
{
    /// <summary>Binds and checks the filter; null with every problem listed in <paramref name="problems"/> when it is invalid.</summary>
    public static RunFilter? Read(JsonNode node, int maxRuns, List<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (node is not JsonObject json)
        {
            problems.Add(new("fromRuns.shape", "fromRuns is {\"version\": n, \"from\": date, \"to\": date, \"status\": \"completed\", \"max\": n} (all optional).", Field: "fromRuns"));
            return null;
        }

        var count = problems.Count;
        var request = EvaluationBinding.Bind<RunFilterRequest>(json, name => name.ToUpperInvariant() switch
        {
            "VERSION" => IntegerProblem("version", 1, int.MaxValue),
            "MAX" => IntegerProblem("max", 1, maxRuns),
            "FROM" => DateProblem("from"),
            "TO" => DateProblem("to"),
            _ => StatusProblem(),
        }, problems, out _) ?? new RunFilterRequest();
        var version = Check(request.Version, "version", 1, int.MaxValue, problems);
        var max = Check(request.Max, "max", 1, maxRuns, problems) ?? Math.Min(1000, maxRuns);
        var from = Date(request.From, "from", problems);
        var to = Date(request.To, "to", problems);
        if (from is not null && to is not null && from >= to)
        {
            problems.Add(new("fromRuns.range", "from must be before to.", Field: "fromRuns.from"));
        }

        RunStatus? status = RunStatus.Completed;
        if (request.Status is { } text)
        {
            status = Enum.TryParse<RunStatus>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _) ? parsed : null;
            if (status is null)
            {
                problems.Add(StatusProblem());
            }
        }

        return problems.Count > count ? null : new RunFilter(version, from, to, status, max);
    }

    private static int? Check(int? value, string key, int min, int max, List<ValidationProblem> problems)
    {
        if (value is null || (value >= min && value <= max))
        {
            return value;
        }

        problems.Add(IntegerProblem(key, min, max));
        return null;
    }

    private static DateTimeOffset? Date(string? text, string key, List<ValidationProblem> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date.ToUniversalTime();
        }

        problems.Add(DateProblem(key));
        return null;
    }

    private static ValidationProblem IntegerProblem(string key, int min, int max) =>
        new($"fromRuns.{key}", $"{key} must be a whole number from {min} to {max.ToString("N0", CultureInfo.InvariantCulture)}.", Field: $"fromRuns.{key}");

    private static ValidationProblem DateProblem(string key) =>
        new($"fromRuns.{key}", $"{key} must be an ISO 8601 date or time.", Field: $"fromRuns.{key}");

    private static ValidationProblem StatusProblem() =>
        new("fromRuns.status", $"status must be one of {string.Join(", ", Enum.GetNames<RunStatus>())}.", Field: "fromRuns.status");
}
