using System.Security.Claims;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Triggers;

/// <summary>
/// Workflow API keys (issue 16): <c>POST/GET /api/workflows/{id}/api-keys</c>, <c>POST …/api-keys/{keyId}/rotate</c>,
/// <c>DELETE …/api-keys/{keyId}</c>, for admins and operators. The key appears in the create and rotate responses only.
/// </summary>
internal static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/workflows/{id:guid}/api-keys").WithTags("Triggers").DisableAntiforgery().RequireAuthorization(DesignerPolicies.ManageTriggers);
        keys.MapPost("/", CreateAsync).Accepts<ApiKeyRequest>(isOptional: true, "application/json");
        keys.MapGet("/", ListAsync);
        keys.MapPost("/{keyId:guid}/rotate", RotateAsync);
        keys.MapDelete("/{keyId:guid}", RevokeAsync);
        return api;
    }

    private static async Task<Results<Created<ApiKeyResponse>, ProblemHttpResult>> CreateAsync(ApiKeyService service, HttpRequest request, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var (body, problems, bad) = await ApiBody.ReadAsync<ApiKeyRequest>(request, "apiKey", cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(await service.CreateAsync(user, id, body!, problems, cancellationToken),
            k => TypedResults.Created($"/api/workflows/{id}/api-keys/{k.Id}", k));
    }

    private static async Task<Ok<ItemsResponse<ApiKeyResponse>>> ListAsync(ApiKeyService service, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<ApiKeyResponse>(await service.ListAsync(id, cancellationToken)));

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> RotateAsync(ApiKeyService service, ClaimsPrincipal user, Guid id, Guid keyId, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.RotateAsync(user, id, keyId, cancellationToken), k => TypedResults.Ok(k));

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> RevokeAsync(ApiKeyService service, ClaimsPrincipal user, Guid id, Guid keyId, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.RevokeAsync(user, id, keyId, cancellationToken), k => TypedResults.Ok(k));
}
