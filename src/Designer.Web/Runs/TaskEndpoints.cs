using System.Security.Claims;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Runs;

/// <summary>Human tasks: the inbox, one task, and the decision (only members of the task's role may decide).</summary>
internal static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Tasks").DisableAntiforgery().RequireAuthorization(DesignerPolicies.Read);
        tasks.MapGet("/", ListAsync);
        tasks.MapGet("/{id:guid}", GetAsync);
        tasks.MapPost("/{id:guid}/decision", DecideAsync).Accepts<TaskDecisionRequest>(isOptional: true, "application/json");
        return api;
    }

    private static async Task<Results<Ok<RunsPageResponse<TaskResponse>>, ProblemHttpResult>> ListAsync(
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
        return TypedResults.Ok(new RunsPageResponse<TaskResponse>(tasks.Items.Select(TaskResponse.From), tasks.PageNumber, tasks.PageSize, tasks.Total));
    }

    private static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> GetAsync(IRunStore store, Guid id, CancellationToken cancellationToken) =>
        await store.GetTaskAsync(id, cancellationToken) is { } task
            ? TypedResults.Ok(TaskResponse.From(task))
            : ApiResults.Problem(OperationError.NotFound($"Task {id} does not exist."));

    /// <summary>
    /// The decision, through <see cref="TaskDecisionService"/> like the inbox's: the task is found and the role checked
    /// before the body is read, so an unknown task is a 404 and a stranger's decision a 403 whatever the body says.
    /// </summary>
    private static async Task<Results<Ok<TaskResponse>, ProblemHttpResult>> DecideAsync(
        TaskDecisionService decisions, HttpRequest request, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var found = await decisions.FindAsync(user, id, cancellationToken);
        if (!found.IsSuccess)
        {
            return ApiResults.Problem(found.Error!);
        }

        var (decision, bad) = await ReadDecisionAsync(request, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(
            await decisions.DecideAsync(user, found.Value!, decision!.ToDecision(), cancellationToken), task => TypedResults.Ok(TaskResponse.From(task)));
    }

    /// <summary>The body as a record, or a 400 listing every problem (its detail joins their messages, as it always did).</summary>
    private static async Task<(TaskDecisionRequest? Decision, ProblemHttpResult? Error)> ReadDecisionAsync(HttpRequest request, CancellationToken cancellationToken)
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

        var problems = new List<OperationProblem>();
        var decision = RunRequestBinding.BindEach<TaskDecisionRequest>(json!, "task", problems);
        problems.AddRange(decision?.Validate() ?? Enumerable.Empty<OperationProblem>());
        return problems.Count == 0
            ? (decision, null)
            : (null, ApiResults.Problem(OperationError.Invalid(string.Join(" ", problems.Select(p => p.Message)), problems)));
    }
}
