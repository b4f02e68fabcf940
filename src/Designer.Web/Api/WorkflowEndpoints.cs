using System.Security.Claims;
using Designer.Web.Identity;
using System.Text.Json.Nodes;
using Designer.Web.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Designer.Workflows.Validation.ValidationProblem;
using Microsoft.AspNetCore.Mvc;

namespace Designer.Web.Api;

/// <summary>Workflows, drafts, import and diff.</summary>
internal static class WorkflowEndpoints
{
    public static RouteGroupBuilder MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflows").DisableAntiforgery();
        workflows.MapGet("/", ListAsync).RequireAuthorization(DesignerPolicies.Read);
        // A creation binds to CreateWorkflowRequest; the other bodies are definition documents that go to the
        // definition parser as text, which names node-level problems (and a draft's If-Match is checked first).
        // An import is a Designer or an Elsa document, hence a bare object.
        workflows.MapPost("/", CreateAsync).RequireAuthorization(DesignerPolicies.Author).Accepts<CreateWorkflowRequest>(isOptional: true, "application/json");
        workflows.MapPost("/import", ImportAsync).RequireAuthorization(DesignerPolicies.Author).Accepts<JsonObject>(isOptional: true, "application/json");
        workflows.MapGet("/{id:guid}", GetAsync).RequireAuthorization(DesignerPolicies.Read);
        workflows.MapGet("/{id:guid}/draft", GetDraftAsync).RequireAuthorization(DesignerPolicies.Read);
        workflows.MapPut("/{id:guid}/draft", PutDraftAsync).RequireAuthorization(DesignerPolicies.Author).Accepts<WorkflowDefinition>(isOptional: true, "application/json");
        workflows.MapPost("/{id:guid}/draft/validate", ValidateAsync).RequireAuthorization(DesignerPolicies.Author)
            .Accepts<WorkflowDefinition>(isOptional: true, "application/json");
        workflows.MapGet("/{id:guid}/diff", DiffAsync).RequireAuthorization(DesignerPolicies.Read);
        return api;
    }

    private static async Task<Results<Ok<Page<WorkflowSummary>>, ProblemHttpResult>> ListAsync(
        WorkflowService service, int? page, int? pageSize, string? search, CancellationToken cancellationToken)
    {
        if (ApiResults.CheckPaging(page, pageSize, out var p, out var size) is { } bad)
        {
            return bad;
        }

        return TypedResults.Ok(await service.ListAsync(p, size, search, cancellationToken));
    }

    private static async Task<Results<Ok<WorkflowRecord>, ProblemHttpResult>> GetAsync(WorkflowService service, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.GetAsync(id, cancellationToken), w => TypedResults.Ok(w));

    private static async Task<Results<Created<WorkflowRecord>, ProblemHttpResult>> CreateAsync(
        WorkflowService service, HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (body, _, bad) = await ApiJson.ReadAsync<CreateWorkflowRequest>(request, "workflow", "'name' and 'description' must be strings.", required: true, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        var created = await service.CreateAsync(user, body!.Name, body.Description, body.Definition?.ToJsonString(), cancellationToken);
        return ApiResults.Match(created, w => TypedResults.Created($"/api/workflows/{w.Id}", w));
    }

    private static async Task<Results<Created<ImportedWorkflow>, ProblemHttpResult>> ImportAsync(
        WorkflowService service, HttpRequest request, ClaimsPrincipal user, [FromQuery] string? format,
        CancellationToken cancellationToken)
    {
        // The body stays text: a Designer or an Elsa document, each parsed by its own reader that names its problems.
        var body = await RequestBody.ReadTextAsync(request.Body, request.ContentLength, ApiJson.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return ApiResults.TooLarge();
        }

        var imported = await service.ImportAsync(user, format ?? "designer", body, cancellationToken);
        return ApiResults.Match(imported, i => TypedResults.Created($"/api/workflows/{i.Workflow.Id}", i));
    }

    private static async Task<Results<Ok<DraftView>, ProblemHttpResult>> GetDraftAsync(
        WorkflowService service, HttpResponse response, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.GetDraftAsync(id, cancellationToken), draft =>
        {
            response.Headers.ETag = ETags.Format(draft.ETag);
            return TypedResults.Ok(draft);
        });

    private static async Task<Results<Ok<DraftSaved>, ProblemHttpResult>> PutDraftAsync(
        WorkflowService service, HttpRequest request, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        // The body stays text: the definition parser names node-level problems, after the If-Match check.
        var body = await RequestBody.ReadTextAsync(request.Body, request.ContentLength, ApiJson.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return ApiResults.TooLarge();
        }

        var saved = await service.SaveDraftAsync(user, id, body, request.Headers.IfMatch.ToString(), cancellationToken);
        return ApiResults.Match(saved, s =>
        {
            request.HttpContext.Response.Headers.ETag = ETags.Format(s.ETag);
            return TypedResults.Ok(s);
        });
    }

    private static async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> ValidateAsync(
        WorkflowService service, HttpRequest request, Guid id, CancellationToken cancellationToken)
    {
        // The body stays text: a malformed definition must reach the validator, which names node-level problems.
        var body = await RequestBody.ReadTextAsync(request.Body, request.ContentLength, ApiJson.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return ApiResults.TooLarge();
        }

        var problems = await service.ValidateAsync(id, body, cancellationToken);
        return ApiResults.Match(problems, p => TypedResults.Ok(new ValidationResponse(p.Count == 0, p)));
    }

    private static async Task<Results<Ok<WorkflowDiffResult>, ProblemHttpResult>> DiffAsync(
        VersionService versions, Guid id, string? from, string? to, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            return ApiResults.BadRequest("Both 'from' and 'to' are required: a version number or 'draft'.");
        }

        return ApiResults.Match(await versions.DiffAsync(id, from, to, cancellationToken), d => TypedResults.Ok(d));
    }

    internal sealed record ValidationResponse(bool IsValid, IReadOnlyList<ValidationProblem> Errors);
}
