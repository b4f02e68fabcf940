using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>
/// The body of <c>POST /api/datasets</c>: a named dataset of a workflow whose cases come from exactly one source —
/// <paramref name="Cases"/> (JSON), <paramref name="Csv"/> (text) or <paramref name="FromRuns"/> (past runs).
/// </summary>
/// <param name="Name">1–200 characters (required); creating a name again makes its next version.</param>
/// <param name="WorkflowId">The workflow whose start schema and End nodes the cases are checked against (required).</param>
/// <param name="Description">At most 2,000 characters.</param>
/// <param name="Cases">The cases as JSON.</param>
/// <param name="Csv">The cases as CSV text: an <c>expected_end</c> and/or <c>expected.&lt;field&gt;</c> columns, <c>tags</c>, input columns.</param>
/// <param name="FromRuns">Which past runs of the workflow become cases, labelled with their outcome.</param>
internal sealed record CreateDatasetRequest(
    string? Name = null,
    Guid? WorkflowId = null,
    string? Description = null,
    IReadOnlyList<DatasetCaseRequest>? Cases = null,
    string? Csv = null,
    RunFilterRequest? FromRuns = null)
{
    private static readonly string[] CaseSources = ["cases", "csv", "fromRuns"];

    /// <summary>Binds and checks the body, listing every problem rather than stopping at the first; null when there is one.</summary>
    public static (DatasetToCreate? Request, List<ValidationProblem> Problems) Read(JsonObject json, int maxRuns)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<ValidationProblem>();

        // Cases and the run filter are bound on their own below, so that a problem names its case or filter property.
        var head = new JsonObject();
        foreach (var (key, node) in json.Where(p => !IsPart(p.Key)))
        {
            head[key] = node?.DeepClone();
        }

        var request = EvaluationBinding.Bind<CreateDatasetRequest>(head, name => name.ToUpperInvariant() switch
        {
            "NAME" => NameProblem(),
            "WORKFLOWID" => WorkflowProblem(),
            "DESCRIPTION" => DescriptionProblem(),
            _ => CsvProblem(),
        }, problems, out var wrong) ?? new CreateDatasetRequest();

        var name = request.Name?.Trim();
        if (!wrong.Contains("name") && (string.IsNullOrEmpty(name) || name.Length > 200))
        {
            problems.Add(NameProblem());
        }

        if (!wrong.Contains("workflowId") && request.WorkflowId is null)
        {
            problems.Add(WorkflowProblem());
        }

        if (request.Description is { Length: > 2000 })
        {
            problems.Add(DescriptionProblem());
        }

        if (CaseSources.Count(k => EvaluationBinding.Has(json, k)) != 1)
        {
            problems.Add(new("dataset.source", "Give exactly one of cases (JSON), csv (text) or fromRuns (a run filter).", Field: "cases"));
        }

        var cases = EvaluationBinding.Get(json, "cases") is { } c ? DatasetCaseRequest.ReadAll(c, "cases", problems) : null;
        var filter = EvaluationBinding.Get(json, "fromRuns") is { } f ? RunFilterRequest.Read(f, maxRuns, problems) : null;
        return problems.Count > 0
            ? (null, problems)
            : (new DatasetToCreate(name!, request.WorkflowId!.Value, request.Description, cases, request.Csv, filter), problems);
    }

    private static bool IsPart(string key) =>
        key.Equals("cases", StringComparison.OrdinalIgnoreCase) || key.Equals("fromRuns", StringComparison.OrdinalIgnoreCase);

    private static ValidationProblem NameProblem() => new("dataset.name", "name is required (1–200 characters).", Field: "name");

    private static ValidationProblem WorkflowProblem() => new("dataset.workflowId", "workflowId (a workflow id) is required.", Field: "workflowId");

    private static ValidationProblem DescriptionProblem() =>
        new("dataset.description", "description must be a string of at most 2,000 characters.", Field: "description");

    private static ValidationProblem CsvProblem() => new("dataset.csv", "csv must be the CSV text as a string.", Field: "csv");
}
