using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Designer.Workflows.Validation.ValidationProblem;

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
        // The body is read by hand (every problem listed with its own code); Accepts only describes it.
        Map(api.MapPost("/workflows/{id:guid}/versions/{number:int}/rollout", StartAsync)).Accepts<StartRolloutRequest>(isOptional: true, "application/json");
        Map(api.MapGet("/workflows/{id:guid}/rollout", GetAsync));
        Map(api.MapPost("/workflows/{id:guid}/rollout/promote", PromoteAsync));
        Map(api.MapPost("/workflows/{id:guid}/rollout/abort", AbortAsync));
        return api;
    }

    private static async Task<Results<Created<RolloutResponse>, ProblemHttpResult>> StartAsync(RolloutService service, HttpRequest request, ClaimsPrincipal user, Guid id, int number, CancellationToken cancellationToken)
    {
        var text = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (text is null)
        {
            return ApiResults.TooLarge();
        }

        JsonNode? body;
        try
        {
            body = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return ApiResults.BadRequest("The body is not valid JSON.", [new ValidationProblem("body.json", ex.Message, Field: "body")]);
        }

        if (body is not JsonObject o)
        {
            return ApiResults.BadRequest("The body must be a JSON object.", [new ValidationProblem("body.shape", "The body must be a JSON object.", Field: "body")]);
        }

        return ApiResults.Match(await service.StartAsync(user, id, number, o, cancellationToken),
            r => TypedResults.Created($"/api/workflows/{id}/rollout", RolloutResponse.From(r)));
    }

    private static async Task<Results<Ok<RolloutStatusResponse>, ProblemHttpResult>> GetAsync(RolloutService service, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.GetAsync(id, cancellationToken), v => TypedResults.Ok(RolloutStatusResponse.From(v)));

    private static async Task<Results<Ok<RolloutResponse>, ProblemHttpResult>> PromoteAsync(RolloutService service, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.PromoteAsync(user, id, cancellationToken), r => TypedResults.Ok(RolloutResponse.From(r)));

    private static async Task<Results<Ok<RolloutResponse>, ProblemHttpResult>> AbortAsync(RolloutService service, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.AbortAsync(user, id, cancellationToken), r => TypedResults.Ok(RolloutResponse.From(r)));
}
