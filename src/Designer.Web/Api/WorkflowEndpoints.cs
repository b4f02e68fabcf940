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
        // The bodies are read by hand (a malformed definition must reach the validator, and the refusals keep their
        // wording); Accepts only describes them. An import is a Designer or an Elsa document, hence a bare object.
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
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return ApiResults.TooLarge();
        }

        if (!ApiJson.TryParseObject(body, out var json, out var error))
        {
            return ApiResults.BadRequest(error!);
        }

        var errors = new List<string>();
        var name = ApiJson.GetString(json!, "name", errors);
        var description = ApiJson.GetString(json!, "description", errors);
        var definition = json!["definition"] is { } node ? node.ToJsonString() : null;
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest(string.Join(" ", errors));
        }

        var created = await service.CreateAsync(user, name, description, definition, cancellationToken);
        return ApiResults.Match(created, w => TypedResults.Created($"/api/workflows/{w.Id}", w));
    }

    private static async Task<Results<Created<ImportedWorkflow>, ProblemHttpResult>> ImportAsync(
        WorkflowService service, HttpRequest request, ClaimsPrincipal user, [FromQuery] string? format,
        CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
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
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
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
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
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
