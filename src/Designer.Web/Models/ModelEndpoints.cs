using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Models;

/// <summary>The model registry API: list, detail, train (authors), approve / reject (approvers).</summary>
internal static class ModelEndpoints
{
    private const string Malformed = "Some decisions are malformed.";

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
        var (train, json, bad) = await ApiJson.ReadAsync<TrainModelRequest>(request, "training", Malformed, required: false, cancellationToken);
        if (bad is not null && json?["decisions"] is not JsonArray)
        {
            return ([], json?["decisions"] is null ? bad : ApiResults.BadRequest("'decisions' must be an array of { \"disputeId\": \"…\", \"highRisk\": true|false }."));
        }

        // A wrongly typed decision fails the whole list in the record; binding each one names it by position.
        IReadOnlyList<TrainingDecisionRequest?> items = bad is null ? train!.Decisions ?? [] : [.. ((JsonArray)json!["decisions"]!).Select(Bind)];
        if (items.Count > ModelService.MaxDecisions)
        {
            return ([], ApiResults.BadRequest($"At most {ModelService.MaxDecisions:N0} decisions per training."));
        }

        var decisions = new List<TrainingDecision>(items.Count);
        var problems = new List<OperationProblem>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is { DisputeId: { } disputeId, HighRisk: { } highRisk })
            {
                decisions.Add(new TrainingDecision(disputeId, highRisk));
            }
            else
            {
                problems.Add(new OperationProblem("training.invalidDecision",
                    "A decision is { \"disputeId\": string, \"highRisk\": boolean }.", Field: $"decisions[{i}]"));
            }
        }

        return problems.Count > 0
            ? ([], ApiResults.Problem(OperationError.Invalid(Malformed, problems)))
            : (decisions, null);
    }

    /// <summary>One decision of a list that did not bind as a whole; null when it is no object or wrongly typed.</summary>
    private static TrainingDecisionRequest? Bind(JsonNode? item) =>
        item is JsonObject decision ? ApiJson.Bind<TrainingDecisionRequest>(decision, "training", []) : null;

    /// <summary>
    /// The optional <c>{ "comment": "…" }</c> body of approving or rejecting a model or chat-model version (the
    /// services require it for reject); the refusals keep the wording of the hand-read body they replace.
    /// </summary>
    internal static async Task<(string? Comment, ProblemHttpResult? Error)> ReadCommentAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The record's one property is the comment, so a wrong type can only be the comment's.
        var (review, _, bad) = await ApiJson.ReadAsync<ModelReviewRequest>(request, "review", "'comment' must be a string.", required: false, cancellationToken);
        if (bad is not null)
        {
            return (null, bad);
        }

        return review!.Comment is { Length: > ModelReviewRequest.MaxCommentLength }
            ? (null, ApiResults.Problem(OperationError.Invalid("'comment' is longer than 4,000 characters.",
                [new OperationProblem("review.comment", "At most 4,000 characters.", Field: "comment")])))
            : (review.Comment, null);
    }
}
