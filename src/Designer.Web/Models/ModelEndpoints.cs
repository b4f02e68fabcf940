using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Designer.Workflows.Validation.ValidationProblem;

namespace Designer.Web.Models;

/// <summary>The model registry API: list, detail, train (authors), approve / reject (approvers).</summary>
internal static class ModelEndpoints
{
    public static RouteGroupBuilder MapModelEndpoints(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/models").WithTags("Models").DisableAntiforgery();
        models.MapGet("/", ListAsync).RequireAuthorization(DesignerPolicies.Read);
        models.MapGet("/{id}", GetAsync).RequireAuthorization(DesignerPolicies.Read);
        models.MapPost("/{id}/train", TrainAsync).RequireAuthorization(DesignerPolicies.Author)
            .Accepts<TrainModelRequest>(isOptional: true, "application/json");
        models.MapPost("/{id}/versions/{number:int}/approve", ApproveAsync).RequireAuthorization(DesignerPolicies.Approve)
            .Accepts<ModelReviewRequest>(isOptional: true, "application/json");
        models.MapPost("/{id}/versions/{number:int}/reject", RejectAsync).RequireAuthorization(DesignerPolicies.Approve)
            .Accepts<ModelReviewRequest>(isOptional: true, "application/json");
        return api.MapChatModelEndpoints();
    }

    private static async Task<Ok<IReadOnlyList<ModelSummaryResponse>>> ListAsync(ModelService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.ListAsync(cancellationToken));

    private static async Task<Results<Ok<ModelDetailResponse>, ProblemHttpResult>> GetAsync(ModelService service, string id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.GetAsync(id, cancellationToken), TypedResults.Ok);

    private static async Task<Results<Created<ModelVersionResponse>, ProblemHttpResult>> TrainAsync(
        ModelService service, HttpRequest request, ClaimsPrincipal user, string id, CancellationToken cancellationToken)
    {
        var (decisions, bad) = await ReadDecisionsAsync(request, cancellationToken);
        return bad is not null ? bad : ApiResults.Match(
            await service.TrainAsync(user, id, decisions, cancellationToken),
            v => TypedResults.Created($"/api/models/{id}", v));
    }

    private static async Task<Results<Ok<ModelVersionResponse>, ProblemHttpResult>> ApproveAsync(
        ModelService service, HttpRequest request, ClaimsPrincipal user, string id, int number, CancellationToken cancellationToken)
    {
        var (comment, bad) = await ReadCommentAsync(request, cancellationToken);
        return bad is not null ? bad : ApiResults.Match(await service.ApproveAsync(user, id, number, comment, cancellationToken), TypedResults.Ok);
    }

    private static async Task<Results<Ok<ModelVersionResponse>, ProblemHttpResult>> RejectAsync(
        ModelService service, HttpRequest request, ClaimsPrincipal user, string id, int number, CancellationToken cancellationToken)
    {
        var (comment, bad) = await ReadCommentAsync(request, cancellationToken);
        return bad is not null ? bad : ApiResults.Match(await service.RejectAsync(user, id, number, comment, cancellationToken), TypedResults.Ok);
    }

    /// <summary>The optional <c>{ "decisions": [{ "disputeId": "D-000042", "highRisk": true }] }</c> body.</summary>
    private static async Task<(IReadOnlyList<TrainingDecision> Decisions, ProblemHttpResult? Error)> ReadDecisionsAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return ([], ApiResults.TooLarge());
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return ([], null);
        }

        if (!ApiJson.TryParseObject(body, out var json, out var error))
        {
            return ([], ApiResults.BadRequest(error!));
        }

        var node = json!["decisions"];
        if (node is null)
        {
            return ([], null);
        }

        if (node is not JsonArray array)
        {
            return ([], ApiResults.BadRequest("'decisions' must be an array of { \"disputeId\": \"…\", \"highRisk\": true|false }."));
        }

        if (array.Count > ModelService.MaxDecisions)
        {
            return ([], ApiResults.BadRequest($"At most {ModelService.MaxDecisions:N0} decisions per training."));
        }

        var decisions = new List<TrainingDecision>(array.Count);
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject item
                && item["disputeId"] is JsonValue id && id.TryGetValue<string>(out var disputeId)
                && item["highRisk"] is JsonValue label && label.TryGetValue<bool>(out var highRisk))
            {
                decisions.Add(new TrainingDecision(disputeId, highRisk));
            }
            else
            {
                problems.Add(new ValidationProblem("training.invalidDecision",
                    "A decision is { \"disputeId\": string, \"highRisk\": boolean }.", Field: $"decisions[{i}]"));
            }
        }

        return problems.Count > 0
            ? ([], ApiResults.BadRequest("Some decisions are malformed.", problems))
            : (decisions, null);
    }

    /// <summary>The optional <c>{ "comment": "…" }</c> body of approve and reject (the service requires it for reject).</summary>
    private static async Task<(string? Comment, ProblemHttpResult? Error)> ReadCommentAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, ApiResults.TooLarge());
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        if (!ApiJson.TryParseObject(body, out var json, out var error))
        {
            return (null, ApiResults.BadRequest(error!));
        }

        var errors = new List<string>();
        var comment = ApiJson.GetString(json!, "comment", errors);
        if (comment is { Length: > 4000 })
        {
            errors.Add("'comment' is longer than 4,000 characters.");
        }

        return errors.Count > 0 ? (null, ApiResults.BadRequest(string.Join(" ", errors))) : (comment, null);
    }
}
