using System.Security.Claims;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Rollouts;

/// <summary>
/// Rollouts (issue 13): <c>POST /api/workflows/{id}/versions/{n}/rollout</c>, <c>GET /api/workflows/{id}/rollout</c>,
/// <c>POST …/rollout/promote</c> and <c>…/rollout/abort</c>. Every role reads; approvers and operators change
/// (checked in <see cref="RolloutService"/>, since the policy is one role or the other).
/// </summary>
internal static class RolloutEndpoints
{
    public static RouteGroupBuilder MapRolloutEndpoints(this RouteGroupBuilder api)
    {
        RouteHandlerBuilder Map(RouteHandlerBuilder endpoint) =>
            endpoint.WithTags("Rollouts").DisableAntiforgery().RequireAuthorization(DesignerPolicies.Read);
        Map(api.MapPost("/workflows/{id:guid}/versions/{number:int}/rollout", StartAsync)).Accepts<StartRolloutRequest>(isOptional: true, "application/json");
        Map(api.MapGet("/workflows/{id:guid}/rollout", GetAsync));
        Map(api.MapPost("/workflows/{id:guid}/rollout/promote", PromoteAsync));
        Map(api.MapPost("/workflows/{id:guid}/rollout/abort", AbortAsync));
        return api;
    }

    private static async Task<Results<Created<RolloutResponse>, ProblemHttpResult>> StartAsync(RolloutService service, HttpRequest request, ClaimsPrincipal user, Guid id, int number, CancellationToken cancellationToken)
    {
        var (body, problems, bad) = await ApiBody.ReadAsync<StartRolloutRequest>(request, "rollout", cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(await service.StartAsync(user, id, number, body!, problems, cancellationToken),
            r => TypedResults.Created($"/api/workflows/{id}/rollout", RolloutResponse.From(r)));
    }

    private static async Task<Results<Ok<RolloutStatusResponse>, ProblemHttpResult>> GetAsync(RolloutService service, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.GetAsync(id, cancellationToken), v => TypedResults.Ok(RolloutStatusResponse.From(v)));

    private static async Task<Results<Ok<RolloutResponse>, ProblemHttpResult>> PromoteAsync(RolloutService service, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.PromoteAsync(user, id, cancellationToken), r => TypedResults.Ok(RolloutResponse.From(r)));

    private static async Task<Results<Ok<RolloutResponse>, ProblemHttpResult>> AbortAsync(RolloutService service, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.AbortAsync(user, id, cancellationToken), r => TypedResults.Ok(RolloutResponse.From(r)));
}
