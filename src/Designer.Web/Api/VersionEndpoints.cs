using System.Security.Claims;
using System.Text;
using Designer.Web.Identity;
using Designer.Web.Workflows;

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
        versions.MapPost("/{number:int}/approve", ApproveAsync).RequireAuthorization(DesignerPolicies.Approve);
        versions.MapPost("/{number:int}/reject", RejectAsync).RequireAuthorization(DesignerPolicies.Approve);
        versions.MapPost("/{number:int}/activate", ActivateAsync).RequireAuthorization(DesignerPolicies.Approve);
        versions.MapGet("/{number:int}/export", ExportAsync).RequireAuthorization(DesignerPolicies.Read);
        return api;
    }

    private static async Task<IResult> SubmitAsync(
        VersionService service, HttpRequest request, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var submitted = await service.SubmitAsync(user, id, request.Headers.IfMatch.ToString(), cancellationToken);
        return ApiResults.From(submitted, v =>
            TypedResults.Created($"/api/workflows/{id}/versions/{v.Number}", VersionResponse.From(v)));
    }

    private static async Task<IResult> ListAsync(
        VersionService service, Guid id, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (ApiResults.CheckPaging(page, pageSize, out var p, out var size) is { } bad)
        {
            return bad;
        }

        var versions = await service.ListAsync(id, p, size, cancellationToken);
        return ApiResults.From(versions, page => TypedResults.Ok(page.Map(VersionResponse.Summary)));
    }

    private static async Task<IResult> GetAsync(VersionService service, Guid id, int number, CancellationToken cancellationToken) =>
        ApiResults.From(await service.GetAsync(id, number, cancellationToken), v => TypedResults.Ok(VersionResponse.From(v)));

    private static async Task<IResult> ApproveAsync(
        VersionService service, HttpRequest request, ClaimsPrincipal user, Guid id, int number, CancellationToken cancellationToken)
    {
        var (comment, bad) = await ReadCommentAsync(request, required: false, cancellationToken);
        return bad ?? ApiResults.From(
            await service.ApproveAsync(user, id, number, comment, cancellationToken), v => TypedResults.Ok(VersionResponse.From(v)));
    }

    private static async Task<IResult> RejectAsync(
        VersionService service, HttpRequest request, ClaimsPrincipal user, Guid id, int number, CancellationToken cancellationToken)
    {
        var (comment, bad) = await ReadCommentAsync(request, required: true, cancellationToken);
        return bad ?? ApiResults.From(
            await service.RejectAsync(user, id, number, comment, cancellationToken), v => TypedResults.Ok(VersionResponse.From(v)));
    }

    private static async Task<IResult> ActivateAsync(
        VersionService service, ClaimsPrincipal user, Guid id, int number, CancellationToken cancellationToken) =>
        ApiResults.From(await service.ActivateAsync(user, id, number, cancellationToken), TypedResults.Ok);

    private static async Task<IResult> ExportAsync(
        VersionService service, Guid id, int number, string? format, CancellationToken cancellationToken)
    {
        var kind = (format ?? "designer").ToLowerInvariant();
        if (kind is not ("designer" or "elsa"))
        {
            return ApiResults.BadRequest($"Unknown format '{format}'; use 'designer' or 'elsa'.");
        }

        var definition = await service.LoadAsync(id, number.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return ApiResults.From(definition, d =>
        {
            var text = kind == "elsa" ? ElsaFlowchartConverter.Export(d) : WorkflowJson.Serialize(d, indented: true);
            return TypedResults.File(Encoding.UTF8.GetBytes(text), "application/json", $"workflow-{id}-v{number}.{kind}.json");
        });
    }

    /// <summary>The optional <c>{ "comment": "…" }</c> body of approve and reject.</summary>
    private static async Task<(string? Comment, IResult? Error)> ReadCommentAsync(
        HttpRequest request, bool required, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return (null, ApiResults.TooLarge());
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return required ? (null, ApiResults.BadRequest("A comment is required: { \"comment\": \"…\" }.")) : (null, null);
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
