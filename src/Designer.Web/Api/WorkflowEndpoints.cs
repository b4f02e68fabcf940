using System.Security.Claims;
using Designer.Web.Identity;
using Designer.Web.Workflows;
using Microsoft.AspNetCore.Mvc;

namespace Designer.Web.Api;

/// <summary>Workflows, drafts, import and diff.</summary>
internal static class WorkflowEndpoints
{
    public static RouteGroupBuilder MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var workflows = api.MapGroup("/workflows").WithTags("Workflows").DisableAntiforgery();
        workflows.MapGet("/", ListAsync).RequireAuthorization(DesignerPolicies.Read);
        workflows.MapPost("/", CreateAsync).RequireAuthorization(DesignerPolicies.Author);
        workflows.MapPost("/import", ImportAsync).RequireAuthorization(DesignerPolicies.Author);
        workflows.MapGet("/{id:guid}", GetAsync).RequireAuthorization(DesignerPolicies.Read);
        workflows.MapGet("/{id:guid}/draft", GetDraftAsync).RequireAuthorization(DesignerPolicies.Read);
        workflows.MapPut("/{id:guid}/draft", PutDraftAsync).RequireAuthorization(DesignerPolicies.Author);
        workflows.MapPost("/{id:guid}/draft/validate", ValidateAsync).RequireAuthorization(DesignerPolicies.Author);
        workflows.MapGet("/{id:guid}/diff", DiffAsync).RequireAuthorization(DesignerPolicies.Read);
        return api;
    }

    private static async Task<IResult> ListAsync(
        WorkflowService service, int? page, int? pageSize, string? search, CancellationToken cancellationToken)
    {
        if (ApiResults.CheckPaging(page, pageSize, out var p, out var size) is { } bad)
        {
            return bad;
        }

        return TypedResults.Ok(await service.ListAsync(p, size, search, cancellationToken));
    }

    private static async Task<IResult> GetAsync(WorkflowService service, Guid id, CancellationToken cancellationToken) =>
        ApiResults.From(await service.GetAsync(id, cancellationToken), TypedResults.Ok);

    private static async Task<IResult> CreateAsync(
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
        return ApiResults.From(created, w => TypedResults.Created($"/api/workflows/{w.Id}", w));
    }

    private static async Task<IResult> ImportAsync(
        WorkflowService service, HttpRequest request, ClaimsPrincipal user, [FromQuery] string? format,
        CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return ApiResults.TooLarge();
        }

        var imported = await service.ImportAsync(user, format ?? "designer", body, cancellationToken);
        return ApiResults.From(imported, i => TypedResults.Created($"/api/workflows/{i.Workflow.Id}", i));
    }

    private static async Task<IResult> GetDraftAsync(
        WorkflowService service, HttpResponse response, Guid id, CancellationToken cancellationToken) =>
        ApiResults.From(await service.GetDraftAsync(id, cancellationToken), draft =>
        {
            response.Headers.ETag = ETags.Format(draft.ETag);
            return TypedResults.Ok(draft);
        });

    private static async Task<IResult> PutDraftAsync(
        WorkflowService service, HttpRequest request, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return ApiResults.TooLarge();
        }

        var saved = await service.SaveDraftAsync(user, id, body, request.Headers.IfMatch.ToString(), cancellationToken);
        return ApiResults.From(saved, s =>
        {
            request.HttpContext.Response.Headers.ETag = ETags.Format(s.ETag);
            return TypedResults.Ok(s);
        });
    }

    private static async Task<IResult> ValidateAsync(
        WorkflowService service, HttpRequest request, Guid id, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return ApiResults.TooLarge();
        }

        var problems = await service.ValidateAsync(id, body, cancellationToken);
        return ApiResults.From(problems, p => TypedResults.Ok(new ValidationResponse(p.Count == 0, p)));
    }

    private static async Task<IResult> DiffAsync(
        VersionService versions, Guid id, string? from, string? to, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            return ApiResults.BadRequest("Both 'from' and 'to' are required: a version number or 'draft'.");
        }

        return ApiResults.From(await versions.DiffAsync(id, from, to, cancellationToken), TypedResults.Ok);
    }

    internal sealed record ValidationResponse(bool IsValid, IReadOnlyList<ValidationProblem> Errors);
}
