using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Web.Api;
using Designer.Web.Identity;
using Designer.Web.Workflows;

namespace Designer.Web.Models;

/// <summary>
/// Chat-model governance API: list (readers), register a version (authors; endpoint must be admin-allowed, only a
/// secret's name), approve / reject (approvers; never one's own version). Each change is audited. No key is ever
/// accepted or returned.
/// </summary>
internal static class ChatModelEndpoints
{
    private static readonly SemaphoreSlim Governance = new(1, 1);

    public static RouteGroupBuilder MapChatModelEndpoints(this RouteGroupBuilder api)
    {
        var chat = api.MapGroup("/chat-models").WithTags("Chat models").DisableAntiforgery();
        chat.MapGet("/", ListAsync).RequireAuthorization(DesignerPolicies.Read);
        chat.MapPost("/", RegisterAsync).RequireAuthorization(DesignerPolicies.Author);
        chat.MapPost("/{id}/versions/{number:int}/approve", (IChatModelRegistry r, IAuditLog a, HttpRequest q, ClaimsPrincipal u, string id, int number, CancellationToken c) =>
            ReviewAsync(r, a, q, u, id, number, ModelStatus.Approved, c)).RequireAuthorization(DesignerPolicies.Approve);
        chat.MapPost("/{id}/versions/{number:int}/reject", (IChatModelRegistry r, IAuditLog a, HttpRequest q, ClaimsPrincipal u, string id, int number, CancellationToken c) =>
            ReviewAsync(r, a, q, u, id, number, ModelStatus.Rejected, c)).RequireAuthorization(DesignerPolicies.Approve);
        return api;
    }

    private static async Task<IResult> ListAsync(IChatModelRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ListAsync(cancellationToken));

    private static async Task<IResult> RegisterAsync(
        IChatModelRegistry registry, IAuditLog audit, HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
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

        await Governance.WaitAsync(cancellationToken);
        try
        {
            var version = await registry.RegisterAsync(registration, cancellationToken);
            await audit.AppendAsync(user.ToActor(), "chat-model.registered", "chat-model", version.Reference, Describe(version), cancellationToken);
            return TypedResults.Created($"/api/chat-models/{version.Id}", version);
        }
        catch (ChatModelGovernanceException ex)
        {
            return ApiResults.BadRequest("The chat-model registration breaks a rule.",
                [.. ex.Problems.Select(p => new ValidationProblem("chatModel.invalid", p, Field: p.Split(':')[0]))]);
        }
        finally
        {
            Governance.Release();
        }
    }

    private static async Task<IResult> ReviewAsync(
        IChatModelRegistry registry, IAuditLog audit, HttpRequest request, ClaimsPrincipal user, string id, int number, ModelStatus decision, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        string? comment = null;
        if (!string.IsNullOrWhiteSpace(body) && ApiJson.TryParseObject(body, out var json, out _) && json!["comment"] is JsonValue c && c.TryGetValue<string>(out var text))
        {
            comment = text;
        }

        if (decision == ModelStatus.Rejected && string.IsNullOrWhiteSpace(comment))
        {
            return ApiResults.BadRequest("A rejection needs a comment.", [new ValidationProblem("comment.required", "A rejection needs a comment.", Field: "comment")]);
        }

        var actor = user.ToActor();
        await Governance.WaitAsync(cancellationToken);
        try
        {
            var current = await registry.GetAsync(id, number, cancellationToken);
            if (current is null)
            {
                return ApiResults.Problem(ServiceError.NotFound($"Chat model '{id}' has no version {number}."));
            }

            if (decision == ModelStatus.Approved && current.RegisteredBy == actor.Id)
            {
                return ApiResults.Problem(ServiceError.Forbidden("You registered this chat-model version; another approver must approve it (four-eyes rule)."));
            }

            if (current.Status != ModelStatus.PendingApproval)
            {
                return ApiResults.Problem(ServiceError.Conflict($"Chat model {current.Reference} is {current.Status}; only versions pending approval can be reviewed."));
            }

            var updated = await registry.SetStatusAsync(id, number, decision, actor.Id, cancellationToken);
            var data = Describe(updated);
            data["comment"] = comment;
            await audit.AppendAsync(actor, decision == ModelStatus.Approved ? "chat-model.approved" : "chat-model.rejected", "chat-model", updated.Reference, data, cancellationToken);
            return TypedResults.Ok(updated);
        }
        finally
        {
            Governance.Release();
        }
    }

    private static JsonObject Describe(ChatModelVersion version) => new()
    {
        ["model"] = version.Id,
        ["version"] = version.Version,
        ["provider"] = version.Provider,
        ["endpoint"] = version.Endpoint,
        ["modelName"] = version.ModelName,
        ["apiKeySecret"] = version.ApiKeySecret,
        ["registeredBy"] = version.RegisteredBy,
    };

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
