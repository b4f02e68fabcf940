using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Web.Api;
using Designer.Web.Identity;

namespace Designer.Web.Runs;

/// <summary>Human tasks: the inbox, one task, and the decision (only members of the task's role may decide).</summary>
internal static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks").DisableAntiforgery().RequireAuthorization(DesignerPolicies.Read);
        tasks.MapGet("/", ListAsync);
        tasks.MapGet("/{id:guid}", GetAsync);
        tasks.MapPost("/{id:guid}/decision", DecideAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(
        IRunStore store, int? page, int? pageSize, string? status, Guid? runId, CancellationToken cancellationToken)
    {
        if (ApiResults.CheckPaging(page, pageSize, out var p, out var size) is { } bad)
        {
            return bad;
        }

        HumanTaskStatus? parsed = null;
        if (status is not null)
        {
            if (!Enum.TryParse<HumanTaskStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                return ApiResults.BadRequest($"Unknown status '{status}'; use one of {string.Join(", ", Enum.GetNames<HumanTaskStatus>())}.");
            }

            parsed = s;
        }

        var tasks = await store.ListTasksAsync(parsed, runId, p, size, cancellationToken);
        return TypedResults.Ok(new { items = tasks.Items.Select(TaskResponse.From), page = tasks.PageNumber, pageSize = tasks.PageSize, total = tasks.Total });
    }

    private static async Task<IResult> GetAsync(IRunStore store, Guid id, CancellationToken cancellationToken) =>
        await store.GetTaskAsync(id, cancellationToken) is { } task
            ? TypedResults.Ok(TaskResponse.From(task))
            : ApiResults.Problem(OperationError.NotFound($"Task {id} does not exist."));

    private static async Task<IResult> DecideAsync(
        TaskDecisionService decisions, HttpRequest request, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var found = await decisions.FindAsync(user, id, cancellationToken);
        if (!found.IsSuccess)
        {
            return ApiResults.Problem(found.Error!);
        }

        var (decision, bad) = await ReadDecisionAsync(request, cancellationToken);
        return bad ?? ApiResults.From(
            await decisions.DecideAsync(user, found.Value!, decision!, cancellationToken), task => TypedResults.Ok(TaskResponse.From(task)));
    }

    /// <summary>The <c>{ "decision": "…", "comment": "…", "edits": { … }, "correction": "…" }</c> body.</summary>
    private static async Task<(TaskDecision? Decision, IResult? Error)> ReadDecisionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, ApiResults.TooLarge());
        }

        if (!ApiJson.TryParseObject(body, out var json, out var error))
        {
            return (null, ApiResults.BadRequest(error!));
        }

        var errors = new List<string>();
        var decision = ApiJson.GetString(json!, "decision", errors);
        var comment = ApiJson.GetString(json!, "comment", errors);
        if (string.IsNullOrWhiteSpace(decision))
        {
            errors.Add("'decision' is required.");
        }

        if (comment is { Length: > 4000 })
        {
            errors.Add("'comment' is longer than 4,000 characters.");
        }

        // The reviewer's edit of a model's draft; stored as the decision's correction (labelled data, issue 12/13).
        var correction = ApiJson.GetString(json!, "correction", errors);
        if (correction is not null && (string.IsNullOrWhiteSpace(correction) || correction.Length > 20_000))
        {
            errors.Add("'correction' must not be blank or longer than 20,000 characters.");
        }

        string? edits = null;
        switch (json!["edits"])
        {
            case null:
                break;
            case JsonObject given:
                edits = given.ToJsonString();
                break;
            default:
                errors.Add("'edits' must be a JSON object.");
                break;
        }

        return errors.Count > 0 ? (null, ApiResults.BadRequest(string.Join(" ", errors))) : (new TaskDecision(decision!, comment, edits, correction), null);
    }
}
