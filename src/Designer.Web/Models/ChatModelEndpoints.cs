using System.Security.Claims;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Models;

/// <summary>
/// Chat-model governance API over <see cref="ChatModelService"/>: list (readers), register a version (authors; endpoint
/// must be admin-allowed, only a secret's name), approve / reject (approvers; never one's own version). No key is ever
/// accepted or returned.
/// </summary>
internal static class ChatModelEndpoints
{
    public static RouteGroupBuilder MapChatModelEndpoints(this RouteGroupBuilder api)
    {
        var chat = api.MapGroup("/chat-models").WithTags("Chat models").DisableAntiforgery();
        chat.MapGet("/", ListAsync).RequireAuthorization(DesignerPolicies.Read);
        chat.MapPost("/", RegisterAsync).RequireAuthorization(DesignerPolicies.Author).Accepts<RegisterChatModelRequest>("application/json");
        chat.MapPost("/{id}/versions/{number:int}/approve", (ChatModelService s, HttpRequest q, ClaimsPrincipal u, string id, int number, CancellationToken c) =>
            ReviewAsync(s, q, u, id, number, ModelStatus.Approved, c)).RequireAuthorization(DesignerPolicies.Approve)
            .Accepts<ModelReviewRequest>(isOptional: true, "application/json");
        chat.MapPost("/{id}/versions/{number:int}/reject", (ChatModelService s, HttpRequest q, ClaimsPrincipal u, string id, int number, CancellationToken c) =>
            ReviewAsync(s, q, u, id, number, ModelStatus.Rejected, c)).RequireAuthorization(DesignerPolicies.Approve)
            .Accepts<ModelReviewRequest>(isOptional: true, "application/json");
        return api;
    }

    // The registry entries as before (clients read this shape); who pins each is on the models page.
    private static async Task<Ok<IEnumerable<ChatModelVersion>>> ListAsync(ChatModelService service, CancellationToken cancellationToken) =>
        TypedResults.Ok((await service.ListAsync(cancellationToken)).Select(v => v.Version));

    private static async Task<Results<Created<ChatModelVersion>, ProblemHttpResult>> RegisterAsync(
        ChatModelService service, HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (body, _, bad) = await ApiJson.ReadAsync<RegisterChatModelRequest>(request, "chatModel", "The chat-model registration is not valid.", required: true, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        var result = await service.RegisterAsync(user, body!.ToRegistration(user.ToActor().Id), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/chat-models/{result.Value!.Id}", result.Value)
            : (Results<Created<ChatModelVersion>, ProblemHttpResult>)ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<ChatModelVersion>, ProblemHttpResult>> ReviewAsync(
        ChatModelService service, HttpRequest request, ClaimsPrincipal user, string id, int number, ModelStatus decision, CancellationToken cancellationToken)
    {
        var (comment, bad) = await ModelEndpoints.ReadCommentAsync(request, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        var result = await service.ReviewAsync(user, id, number, decision, comment, cancellationToken);
        return ApiResults.Match(result, TypedResults.Ok);
    }
}
