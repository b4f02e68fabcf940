using System.Security.Claims;
using System.Text;
using Designer.Web.Identity;
using Designer.Web.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Api;

/// <summary>Versions and their governance: submit, approve, reject, activate, export.</summary>
internal static class VersionEndpoints
{
    public static RouteGroupBuilder MapVersionEndpoints(this RouteGroupBuilder api)
    {
        var versions = api.MapGroup("/workflows/{id:guid}/versions").WithTags("Versions").DisableAntiforgery();
        versions.MapPost("/", SubmitAsync).RequireAuthorization(DesignerPolicies.Author);
        versions.MapGet("/", ListAsync).RequireAuthorization(DesignerPolicies.Read);
        versions.MapGet("/{number:int}", GetAsync).RequireAuthorization(DesignerPolicies.Read);
        versions.MapPost("/{number:int}/approve", ApproveAsync).RequireAuthorization(DesignerPolicies.Approve)
            .Accepts<VersionCommentRequest>(isOptional: true, "application/json");
        versions.MapPost("/{number:int}/reject", RejectAsync).RequireAuthorization(DesignerPolicies.Approve)
            .Accepts<VersionCommentRequest>(isOptional: true, "application/json");
        versions.MapPost("/{number:int}/activate", ActivateAsync).RequireAuthorization(DesignerPolicies.Approve);
        versions.MapGet("/{number:int}/export", ExportAsync).RequireAuthorization(DesignerPolicies.Read)
            .Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, "application/json");
        return api;
    }

    private static async Task<Results<Created<VersionResponse>, ProblemHttpResult>> SubmitAsync(
        VersionService service, HttpRequest request, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var submitted = await service.SubmitAsync(user, id, request.Headers.IfMatch.ToString(), cancellationToken);
        return ApiResults.Match(submitted, v =>
            TypedResults.Created($"/api/workflows/{id}/versions/{v.Number}", VersionResponse.From(v)));
    }

    private static async Task<Results<Ok<Page<VersionResponse>>, ProblemHttpResult>> ListAsync(
        VersionService service, Guid id, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (ApiResults.CheckPaging(page, pageSize, out var p, out var size) is { } bad)
        {
            return bad;
        }

        var versions = await service.ListAsync(id, p, size, cancellationToken);
        return ApiResults.Match(versions, page => TypedResults.Ok(page.Map(VersionResponse.Summary)));
    }

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> GetAsync(VersionService service, Guid id, int number, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.GetAsync(id, number, cancellationToken), v => TypedResults.Ok(VersionResponse.From(v)));

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> ApproveAsync(
        VersionService service, HttpRequest request, ClaimsPrincipal user, Guid id, int number, CancellationToken cancellationToken)
    {
        var (comment, bad) = await ReadCommentAsync(request, required: false, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(
            await service.ApproveAsync(user, id, number, comment, cancellationToken), v => TypedResults.Ok(VersionResponse.From(v)));
    }

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> RejectAsync(
        VersionService service, HttpRequest request, ClaimsPrincipal user, Guid id, int number, CancellationToken cancellationToken)
    {
        var (comment, bad) = await ReadCommentAsync(request, required: true, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(
            await service.RejectAsync(user, id, number, comment, cancellationToken), v => TypedResults.Ok(VersionResponse.From(v)));
    }

    private static async Task<Results<Ok<WorkflowRecord>, ProblemHttpResult>> ActivateAsync(
        VersionService service, ClaimsPrincipal user, Guid id, int number, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.ActivateAsync(user, id, number, cancellationToken), w => TypedResults.Ok(w));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        VersionService service, Guid id, int number, string? format, CancellationToken cancellationToken)
    {
        var kind = (format ?? "designer").ToLowerInvariant();
        if (kind is not ("designer" or "elsa"))
        {
            return ApiResults.BadRequest($"Unknown format '{format}'; use 'designer' or 'elsa'.");
        }

        var definition = await service.LoadAsync(id, number.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return ApiResults.Match(definition, d =>
        {
            var text = kind == "elsa" ? ElsaFlowchartConverter.Export(d) : WorkflowJson.Serialize(d, indented: true);
            return TypedResults.File(Encoding.UTF8.GetBytes(text), "application/json", $"workflow-{id}-v{number}.{kind}.json");
        });
    }

    /// <summary>The optional <c>{ "comment": "…" }</c> body of approve and reject; the refusals keep their wording.</summary>
    private static async Task<(string? Comment, ProblemHttpResult? Error)> ReadCommentAsync(
        HttpRequest request, bool required, CancellationToken cancellationToken)
    {
        // The record's one property is the comment, so a wrong type can only be the comment's.
        var (body, json, bad) = await ApiJson.ReadAsync<VersionCommentRequest>(request, "version", "'comment' must be a string.", required: false, cancellationToken);
        if (bad is not null)
        {
            return (null, bad);
        }

        if (required && json!.Count == 0)
        {
            return (null, ApiResults.BadRequest("A comment is required: { \"comment\": \"…\" }."));
        }

        return body!.Comment is { Length: > VersionCommentRequest.MaxCommentLength }
            ? (null, ApiResults.Problem(OperationError.Invalid("'comment' is longer than 4,000 characters.",
                [new OperationProblem("version.comment", "At most 4,000 characters.", Field: "comment")])))
            : (body.Comment, null);
    }
}
