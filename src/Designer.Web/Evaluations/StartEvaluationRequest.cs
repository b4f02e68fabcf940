using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>The body of <c>POST /api/workflows/{id}/evaluations</c>: replay a dataset through a candidate and, optionally, a baseline.</summary>
/// <param name="Candidate">The version to evaluate, <c>{"version": n}</c> or <c>{"draft": true}</c> (required).</param>
/// <param name="Baseline">The version to compare with, <c>{"version": n}</c>; null for no comparison.</param>
/// <param name="DatasetId">The dataset whose cases are replayed (required); it becomes immutable once used.</param>
internal sealed record StartEvaluationRequest(EvaluationSideRequest? Candidate = null, EvaluationSideRequest? Baseline = null, Guid? DatasetId = null)
{
    private const string CandidateShape = "candidate is {\"version\": n} or {\"draft\": true}.";

    /// <summary>Binds and checks the body, listing every problem; null when there is one.</summary>
    public static StartEvaluation? Read(JsonObject json, List<ValidationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(problems);
        var count = problems.Count;

        // The sides are bound on their own, so that a wrongly typed version is named as such.
        var request = EvaluationBinding.Bind<StartEvaluationRequest>(Without(json, "candidate", "baseline"), _ => DatasetProblem(), problems, out var wrong)
            ?? new StartEvaluationRequest();
        var (candidateVersion, draft) = ReadCandidate(EvaluationBinding.Get(json, "candidate"), problems);
        int? baselineVersion = null;
        if (EvaluationBinding.Get(json, "baseline") is { } baseline)
        {
            baselineVersion = baseline is JsonObject b ? Side(b, "baseline", problems).Version : null;
            if (baselineVersion is null)
            {
                problems.Add(new ValidationProblem("evaluation.baseline", "baseline is {\"version\": n}.", Field: "baseline"));
            }
        }

        if (request.DatasetId is null && !wrong.Contains("datasetId"))
        {
            problems.Add(DatasetProblem());
        }

        return problems.Count > count ? null : new StartEvaluation(candidateVersion, draft, baselineVersion, request.DatasetId!.Value);
    }

    private static (int? Version, bool Draft) ReadCandidate(JsonNode? node, List<ValidationProblem> problems)
    {
        if (node is not JsonObject candidate)
        {
            problems.Add(new ValidationProblem("evaluation.candidate", CandidateShape, Field: "candidate"));
            return (null, false);
        }

        var side = Side(candidate, "candidate", problems);
        var draft = side.Draft == true;
        if (draft == (side.Version is not null))
        {
            problems.Add(new ValidationProblem("evaluation.candidate", CandidateShape, Field: "candidate"));
        }

        return (side.Version, draft);
    }

    /// <summary>Binds one side; a version that is not a whole number of 1 or more is listed and left out.</summary>
    private static EvaluationSideRequest Side(JsonObject json, string field, List<ValidationProblem> problems)
    {
        // Only the candidate may be the draft; a baseline's "draft" is ignored, as it always was.
        var sent = field == "candidate" ? json : Without(json, "draft");
        var side = EvaluationBinding.Bind<EvaluationSideRequest>(sent, name => name.Equals("version", StringComparison.OrdinalIgnoreCase)
            ? VersionProblem(field)
            : new ValidationProblem($"evaluation.{field}", CandidateShape, Field: field), problems, out _) ?? new EvaluationSideRequest();
        if (side.Version is < 1)
        {
            problems.Add(VersionProblem(field));
            return side with { Version = null };
        }

        return side;
    }

    private static JsonObject Without(JsonObject json, params string[] names)
    {
        var rest = new JsonObject();
        foreach (var (key, node) in json.Where(p => !names.Contains(p.Key, StringComparer.OrdinalIgnoreCase)))
        {
            rest[key] = node?.DeepClone();
        }

        return rest;
    }

    private static ValidationProblem VersionProblem(string field) =>
        new($"evaluation.{field}", $"{field}.version must be a version number (1 or more).", Field: $"{field}.version");

    private static ValidationProblem DatasetProblem() => new("evaluation.dataset", "datasetId (a dataset id) is required.", Field: "datasetId");
}
