using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Retrieval.Collections;
using Designer.Web.Api;
using Designer.Web.Identity;

namespace Designer.Web.Collections;

/// <summary>Retrieval collections: manage (authors, admins), read and search (every role), jobs with progress.</summary>
internal static class CollectionEndpoints
{
    public static RouteGroupBuilder MapCollectionEndpoints(this RouteGroupBuilder api)
    {
        var collections = api.MapGroup("/collections").WithTags("Collections").DisableAntiforgery();
        collections.MapGet("/", ListAsync).RequireAuthorization(DesignerPolicies.Read);
        collections.MapPost("/", CreateAsync).RequireAuthorization(DesignerPolicies.ManageCollections);
        collections.MapGet("/{name}", GetAsync).RequireAuthorization(DesignerPolicies.Read);
        collections.MapPatch("/{name}", UpdateSettingsAsync).RequireAuthorization(DesignerPolicies.ManageCollections);
        collections.MapDelete("/{name}", DeleteAsync).RequireAuthorization(DesignerPolicies.ManageCollections);
        collections.MapPost("/{name}/documents", AddDocumentsAsync).RequireAuthorization(DesignerPolicies.ManageCollections);
        collections.MapPost("/{name}/reembed", ReembedAsync).RequireAuthorization(DesignerPolicies.ManageCollections);
        collections.MapGet("/{name}/search", SearchAsync).RequireAuthorization(DesignerPolicies.Read).RequireRateLimiting(Hosting.RateLimiting.Search);
        collections.MapGet("/{name}/jobs", ListJobsAsync).RequireAuthorization(DesignerPolicies.Read);
        collections.MapGet("/{name}/jobs/{id:guid}", GetJobAsync).RequireAuthorization(DesignerPolicies.Read);
        collections.MapPost("/{name}/jobs/{id:guid}/cancel", CancelJobAsync).RequireAuthorization(DesignerPolicies.ManageCollections);
        return api;
    }

    private static async Task<IResult> ListAsync(CollectionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(new { items = (await service.ListAsync(cancellationToken)).Select(CollectionResponse.From), backends = service.Backends });

    private static async Task<IResult> GetAsync(CollectionService service, string name, CancellationToken cancellationToken) =>
        CollectionApi.From(await service.GetAsync(name, cancellationToken), c => TypedResults.Ok(CollectionResponse.From(c)));

    private static async Task<IResult> CreateAsync(CollectionService service, HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (create, bad) = await CollectionRequests.ReadCreateAsync(request, cancellationToken);
        return bad ?? CollectionApi.From(
            await service.CreateAsync(create!, user.ToActor(), cancellationToken),
            c => TypedResults.Created($"/api/collections/{c.Name}", CollectionResponse.From(c)));
    }

    private static async Task<IResult> UpdateSettingsAsync(
        CollectionService service, HttpRequest request, ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        var (weight, bad) = await CollectionRequests.ReadSettingsAsync(request, cancellationToken);
        return bad ?? CollectionApi.From(
            await service.SetHybridDenseWeightAsync(name, weight, user.ToActor(), cancellationToken),
            c => TypedResults.Ok(CollectionResponse.From(c)));
    }

    private static async Task<IResult> DeleteAsync(
        CollectionService service, IWorkflowStore workflows, ClaimsPrincipal user, string name, CancellationToken cancellationToken) =>
        await CollectionUsageGuard.RefuseIfPublishedAsync(workflows, name, "deleted", cancellationToken)
            ?? CollectionApi.From(await service.DeleteAsync(name, user.ToActor(), cancellationToken), _ => TypedResults.NoContent());

    private static async Task<IResult> AddDocumentsAsync(
        CollectionService service, HttpRequest request, ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        var (documents, bad) = await CollectionRequests.ReadDocumentsAsync(request, cancellationToken);
        return bad ?? CollectionApi.From(
            await service.AddDocumentsAsync(name, documents!, user.ToActor(), cancellationToken),
            job => TypedResults.Accepted($"/api/collections/{name}/jobs/{job.Job.Id}", JobResponse.From(job)));
    }

    private static async Task<IResult> ReembedAsync(
        CollectionService service, IWorkflowStore workflows, HttpRequest request, ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        var (model, version, bad) = await CollectionRequests.ReadReembedAsync(request, cancellationToken);
        return bad ?? await CollectionUsageGuard.RefuseIfPublishedAsync(workflows, name, "re-embedded", cancellationToken) ?? CollectionApi.From(
            await service.ReembedAsync(name, model, version, user.ToActor(), cancellationToken),
            job => TypedResults.Accepted($"/api/collections/{name}/jobs/{job.Job.Id}", JobResponse.From(job)));
    }

    private static async Task<IResult> SearchAsync(
        CollectionService service, string name, string? q, string? k, string? mode, string? minScore, string? filter, string? denseWeight,
        CancellationToken cancellationToken)
    {
        var problems = new List<CollectionProblem>();
        // An unparsable k becomes 0, which the service reports with its other problems.
        var topK = k is null ? 5 : int.TryParse(k, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedK) ? parsedK : 0;

        double? min = null;
        if (minScore is not null)
        {
            if (double.TryParse(minScore, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
            {
                min = parsed;
            }
            else
            {
                problems.Add(new("minScore", "Must be a number."));
            }
        }

        double? weight = null;
        if (denseWeight is not null)
        {
            if (double.TryParse(denseWeight, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
            {
                weight = parsed;
            }
            else
            {
                problems.Add(new("denseWeight", "Must be a number between 0 and 1."));
            }
        }

        JsonObject? filterJson = null;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            if (ApiJson.TryParseObject(filter, out var parsedFilter, out var error))
            {
                filterJson = parsedFilter;
            }
            else
            {
                problems.Add(new("filter", error!));
            }
        }

        var result = await service.SearchAsync(name, new CollectionQuery(q ?? string.Empty, topK, mode ?? "hybrid", min, filterJson, weight), cancellationToken);
        if (problems.Count > 0 && result.Error?.Kind != CollectionErrorKind.NotFound)
        {
            // The query-string problems together with every one the service found in the rest.
            return CollectionApi.Problem(CollectionError.Invalid("The search is invalid.", [.. problems, .. result.Error?.Problems ?? []]));
        }

        return CollectionApi.From(result, hits => TypedResults.Ok(new { items = hits }));
    }

    private static async Task<IResult> ListJobsAsync(CollectionService service, string name, CancellationToken cancellationToken) =>
        CollectionApi.From(await service.ListJobsAsync(name, cancellationToken), jobs => TypedResults.Ok(new { items = jobs.Select(JobResponse.From) }));

    private static async Task<IResult> GetJobAsync(CollectionService service, string name, Guid id, CancellationToken cancellationToken) =>
        CollectionApi.From(await service.GetJobAsync(name, id, cancellationToken), job => TypedResults.Ok(JobResponse.From(job)));

    private static async Task<IResult> CancelJobAsync(CollectionService service, string name, Guid id, CancellationToken cancellationToken) =>
        CollectionApi.From(await service.CancelJobAsync(name, id, cancellationToken), job => TypedResults.Ok(JobResponse.From(job)));
}
