using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Retrieval.Collections;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Collections;

/// <summary>Retrieval collections: manage (authors, admins), read and search (every role), jobs with progress.</summary>
internal static class CollectionEndpoints
{
    public static RouteGroupBuilder MapCollectionEndpoints(this RouteGroupBuilder api)
    {
        var collections = api.MapGroup("/collections").WithTags("Collections").DisableAntiforgery();
        collections.MapGet("/", ListAsync).RequireAuthorization(DesignerPolicies.Read);
        collections.MapPost("/", CreateAsync).RequireAuthorization(DesignerPolicies.ManageCollections).Accepts<CreateCollectionRequest>("application/json");
        collections.MapGet("/{name}", GetAsync).RequireAuthorization(DesignerPolicies.Read);
        collections.MapPatch("/{name}", UpdateSettingsAsync).RequireAuthorization(DesignerPolicies.ManageCollections).Accepts<CollectionSettingsRequest>("application/json");
        collections.MapDelete("/{name}", DeleteAsync).RequireAuthorization(DesignerPolicies.ManageCollections);
        collections.MapPost("/{name}/documents", AddDocumentsAsync).RequireAuthorization(DesignerPolicies.ManageCollections)
            .Accepts<DocumentsRequest>("application/json", "application/x-ndjson");
        collections.MapPost("/{name}/reembed", ReembedAsync).RequireAuthorization(DesignerPolicies.ManageCollections).Accepts<ReembedRequest>(isOptional: true, "application/json");
        collections.MapGet("/{name}/search", SearchAsync).RequireAuthorization(DesignerPolicies.Read).RequireRateLimiting(Hosting.RateLimiting.Search);
        collections.MapGet("/{name}/jobs", ListJobsAsync).RequireAuthorization(DesignerPolicies.Read);
        collections.MapGet("/{name}/jobs/{id:guid}", GetJobAsync).RequireAuthorization(DesignerPolicies.Read);
        collections.MapPost("/{name}/jobs/{id:guid}/cancel", CancelJobAsync).RequireAuthorization(DesignerPolicies.ManageCollections);
        return api;
    }

    private static async Task<Ok<CollectionListResponse>> ListAsync(CollectionService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CollectionListResponse((await service.ListAsync(cancellationToken)).Select(CollectionResponse.From), service.Backends));

    private static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> GetAsync(CollectionService service, string name, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.GetAsync(name, cancellationToken), c => TypedResults.Ok(CollectionResponse.From(c)));

    private static async Task<Results<Created<CollectionResponse>, ProblemHttpResult>> CreateAsync(
        CollectionService service, HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (create, _, bad) = await ApiJson.ReadAsync<CreateCollectionRequest>(request, "collection", "The collection is invalid.", required: true, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        if (create!.Validate().ToList() is { Count: > 0 } problems)
        {
            return ApiResults.Problem(OperationError.Invalid("The collection is invalid.", problems));
        }

        return ApiResults.Match(
            await service.CreateAsync(create.ToCreate(), user.ToActor(), cancellationToken),
            c => TypedResults.Created($"/api/collections/{c.Name}", CollectionResponse.From(c)));
    }

    private static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> UpdateSettingsAsync(
        CollectionService service, HttpRequest request, ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        var (settings, json, bad) = await ApiJson.ReadAsync<CollectionSettingsRequest>(request, "collection", "The settings are invalid.", required: true, cancellationToken);
        var problems = json is null ? new List<OperationProblem>() : CollectionSettingsRequest.Validate(json).ToList();
        if (problems.Count > 0)
        {
            // The shape's problems together with any wrongly typed value.
            return ApiResults.Problem(OperationError.Invalid("The settings are invalid.", [.. problems, .. ProblemsOf(bad)]));
        }

        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(
            await service.SetHybridDenseWeightAsync(name, settings!.HybridDenseWeight, user.ToActor(), cancellationToken),
            c => TypedResults.Ok(CollectionResponse.From(c)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        CollectionService service, IWorkflowStore workflows, ClaimsPrincipal user, string name, CancellationToken cancellationToken) =>
        await CollectionUsageGuard.RefuseIfPublishedAsync(workflows, name, "deleted", cancellationToken) is { } refused
            ? refused
            : ApiResults.Match(await service.DeleteAsync(name, user.ToActor(), cancellationToken), _ => TypedResults.NoContent());

    private static async Task<Results<Accepted<JobResponse>, ProblemHttpResult>> AddDocumentsAsync(
        CollectionService service, HttpRequest request, ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        var (documents, bad) = await CollectionRequests.ReadDocumentsAsync(request, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(
            await service.AddDocumentsAsync(name, documents!, user.ToActor(), cancellationToken),
            job => TypedResults.Accepted($"/api/collections/{name}/jobs/{job.Job.Id}", JobResponse.From(job)));
    }

    private static async Task<Results<Accepted<JobResponse>, ProblemHttpResult>> ReembedAsync(
        CollectionService service, IWorkflowStore workflows, HttpRequest request, ClaimsPrincipal user, string name, CancellationToken cancellationToken)
    {
        var (reembed, _, bad) = await ApiJson.ReadAsync<ReembedRequest>(request, "collection", "The request is invalid.", required: false, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        if (await CollectionUsageGuard.RefuseIfPublishedAsync(workflows, name, "re-embedded", cancellationToken) is { } refused)
        {
            return refused;
        }

        return ApiResults.Match(
            await service.ReembedAsync(name, reembed?.Model, reembed?.Version, user.ToActor(), cancellationToken),
            job => TypedResults.Accepted($"/api/collections/{name}/jobs/{job.Job.Id}", JobResponse.From(job)));
    }

    private static async Task<Results<Ok<ItemsResponse<CollectionHit>>, ProblemHttpResult>> SearchAsync(
        CollectionService service, string name, string? q, string? k, string? mode, string? minScore, string? filter, string? denseWeight,
        CancellationToken cancellationToken)
    {
        var problems = new List<OperationProblem>();
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
                problems.Add(CollectionProblems.Of("minScore", "Must be a number."));
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
                problems.Add(CollectionProblems.Of("denseWeight", "Must be a number between 0 and 1."));
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
                problems.Add(CollectionProblems.Of("filter", error!));
            }
        }

        var result = await service.SearchAsync(name, new CollectionQuery(q ?? string.Empty, topK, mode ?? "hybrid", min, filterJson, weight), cancellationToken);
        if (problems.Count > 0 && result.Error?.Kind != OperationErrorKind.NotFound)
        {
            // The query-string problems together with every one the service found in the rest.
            return ApiResults.Problem(OperationError.Invalid("The search is invalid.", [.. problems, .. result.Error?.Problems ?? []]));
        }

        return ApiResults.Match(result, hits => TypedResults.Ok(new ItemsResponse<CollectionHit>(hits)));
    }

    private static async Task<Results<Ok<ItemsResponse<JobResponse>>, ProblemHttpResult>> ListJobsAsync(CollectionService service, string name, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.ListJobsAsync(name, cancellationToken), jobs => TypedResults.Ok(new ItemsResponse<JobResponse>(jobs.Select(JobResponse.From))));

    private static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetJobAsync(CollectionService service, string name, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.GetJobAsync(name, id, cancellationToken), job => TypedResults.Ok(JobResponse.From(job)));

    private static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> CancelJobAsync(CollectionService service, string name, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.CancelJobAsync(name, id, cancellationToken), job => TypedResults.Ok(JobResponse.From(job)));

    private static IEnumerable<OperationProblem> ProblemsOf(ProblemHttpResult? problem) =>
        problem is not null && problem.ProblemDetails.Extensions.TryGetValue("errors", out var errors) && errors is IEnumerable<OperationProblem> listed ? listed : [];
}
