using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Designer.Workflows.Validation.ValidationProblem;

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
        var registration = new ChatModelRegistration
        {
            Id = ApiJson.GetString(json!, "id", errors) ?? string.Empty,
            Provider = ApiJson.GetString(json!, "provider", errors) ?? string.Empty,
            Endpoint = ApiJson.GetString(json!, "endpoint", errors) ?? string.Empty,
            ModelName = ApiJson.GetString(json!, "modelName", errors) ?? string.Empty,
            Temperature = Number(json!, "temperature", errors),
            MaxOutputTokens = (int?)Number(json!, "maxOutputTokens", errors),
            InputPricePer1K = (decimal)(Number(json!, "inputPricePer1K", errors) ?? 0),
            OutputPricePer1K = (decimal)(Number(json!, "outputPricePer1K", errors) ?? 0),
            ContextWindow = (int)(Number(json!, "contextWindow", errors) ?? 8192),
            SupportsJsonSchema = json!["supportsJsonSchema"] is not JsonValue b || !b.TryGetValue<bool>(out var supports) || supports,
            ApiKeySecret = json!["apiKeySecret"] is JsonValue s && s.TryGetValue<string>(out var secret) ? secret : null,
            Description = json!["description"] is JsonValue d && d.TryGetValue<string>(out var description) ? description : null,
            RegisteredBy = user.ToActor().Id,
        };
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("The chat-model registration is not valid.", [.. errors.Select(e => new ValidationProblem("chatModel.invalid", e))]);
        }

        var result = await service.RegisterAsync(user, registration, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/chat-models/{result.Value!.Id}", result.Value)
            : (Results<Created<ChatModelVersion>, ProblemHttpResult>)ApiResults.Problem(result.Error!);
    }

    private static async Task<Results<Ok<ChatModelVersion>, ProblemHttpResult>> ReviewAsync(
        ChatModelService service, HttpRequest request, ClaimsPrincipal user, string id, int number, ModelStatus decision, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        string? comment = null;
        if (!string.IsNullOrWhiteSpace(body) && ApiJson.TryParseObject(body, out var json, out _) && json!["comment"] is JsonValue c && c.TryGetValue<string>(out var text))
        {
            comment = text;
        }

        var result = await service.ReviewAsync(user, id, number, decision, comment, cancellationToken);
        return ApiResults.Match(result, TypedResults.Ok);
    }

    private static double? Number(JsonObject json, string name, List<string> errors)
    {
        if (json[name] is null)
        {
            return null;
        }

        if (json[name] is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d))
        {
            return d;
        }

        errors.Add($"'{name}' must be a number.");
        return null;
    }
}
