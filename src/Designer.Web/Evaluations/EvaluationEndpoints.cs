using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Designer.Workflows.Validation.ValidationProblem;

namespace Designer.Web.Evaluations;

/// <summary>
/// Datasets (<c>/api/datasets</c>; <c>PUT …/cases/{n}</c> fixes a label while unused, <c>POST …/copy</c> copies to the
/// next version), evaluations (<c>/api/workflows/{id}/evaluations</c>, <c>/api/evaluations/{id}</c>)
/// and failure budgets (<c>/api/workflows/{id}/budget</c>). Every role reads; authors and approvers create datasets
/// and start or cancel evaluations; approvers set budgets (checked in the services).
/// </summary>
internal static class EvaluationEndpoints
{
    public static RouteGroupBuilder MapEvaluationEndpoints(this RouteGroupBuilder api)
    {
        var datasets = api.MapGroup("/datasets").WithTags("Datasets").DisableAntiforgery().RequireAuthorization(DesignerPolicies.Read);
        datasets.MapGet("/", ListDatasetsAsync);
        datasets.MapPost("/", CreateDatasetAsync).Accepts<CreateDatasetRequest>(isOptional: true, "application/json");
        datasets.MapGet("/{id:guid}", GetDatasetAsync);
        datasets.MapPost("/{id:guid}/cases", AddCasesAsync).Accepts<AddCasesRequest>(isOptional: true, "application/json");
        datasets.MapPut("/{id:guid}/cases/{number:int}", RelabelAsync).Accepts<RelabelCaseRequest>(isOptional: true, "application/json");
        datasets.MapPost("/{id:guid}/copy", CopyAsync);

        // Mapped on the /api group itself: the routes sit under /workflows and /evaluations.
        RouteHandlerBuilder Map(RouteHandlerBuilder endpoint) =>
            endpoint.WithTags("Evaluations").DisableAntiforgery().RequireAuthorization(DesignerPolicies.Read);
        Map(api.MapPost("/workflows/{id:guid}/evaluations", StartAsync)).Accepts<StartEvaluationRequest>(isOptional: true, "application/json");
        Map(api.MapGet("/workflows/{id:guid}/evaluations", ListAsync));
        Map(api.MapGet("/evaluations/{id:guid}", GetAsync));
        Map(api.MapPost("/evaluations/{id:guid}/cancel", CancelAsync));
        Map(api.MapGet("/workflows/{id:guid}/budget", GetBudgetAsync));
        Map(api.MapPut("/workflows/{id:guid}/budget", SetBudgetAsync)).Accepts<BudgetRequest>(isOptional: true, "application/json");
        Map(api.MapGet("/workflows/{id:guid}/versions/{number:int}/evaluation-gate", GateAsync));
        Map(api.MapGet("/models/{id}/versions/{number:int}/evaluation-gate", ModelGateAsync));
        return api;
    }

    private static async Task<Ok<ItemsResponse<DatasetResponse>>> ListDatasetsAsync(IEvaluationStore store, Guid? workflowId, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<DatasetResponse>((await store.ListDatasetsAsync(workflowId, cancellationToken)).Select(d => DatasetResponse.From(d))));

    private static async Task<Results<Ok<DatasetResponse>, ProblemHttpResult>> GetDatasetAsync(IEvaluationStore store, Guid id, CancellationToken cancellationToken) =>
        await store.GetDatasetAsync(id, cancellationToken) is { } dataset
            ? TypedResults.Ok(DatasetResponse.From(dataset, await store.ListCasesAsync(id, cancellationToken)))
            : ApiResults.Problem(OperationError.NotFound($"Dataset {id} does not exist."));

    /// <summary>
    /// The body binds to <see cref="CreateDatasetRequest"/> in the service, after its role check (a reader that may
    /// not create datasets hears 403 whatever it sent), with every type and value problem in one answer.
    /// </summary>
    private static async Task<Results<Created<DatasetResponse>, ProblemHttpResult>> CreateDatasetAsync(
        DatasetService service, HttpRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (body, bad) = await ReadObjectAsync(request, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(
            await service.CreateAsync(user, body!, cancellationToken),
            r => TypedResults.Created($"/api/datasets/{r.Dataset.Id}", DatasetResponse.From(r.Dataset, skipped: r.Skipped)));
    }

    /// <summary>The body is an <see cref="AddCasesRequest"/> or a bare array of cases.</summary>
    private static async Task<Results<Ok<DatasetResponse>, ProblemHttpResult>> AddCasesAsync(
        DatasetService service, HttpRequest request, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var (body, bad) = await ReadNodeAsync(request, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(await service.AddCasesAsync(user, id, body, cancellationToken), d => TypedResults.Ok(DatasetResponse.From(d)));
    }

    private static async Task<Results<Ok<DatasetCaseResponse>, ProblemHttpResult>> RelabelAsync(
        DatasetService service, HttpRequest request, ClaimsPrincipal user, Guid id, int number, CancellationToken cancellationToken)
    {
        var (body, bad) = await ReadObjectAsync(request, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(await service.RelabelAsync(user, id, number, body!, cancellationToken), c => TypedResults.Ok(DatasetCaseResponse.From(c)));
    }

    private static async Task<Results<Created<DatasetResponse>, ProblemHttpResult>> CopyAsync(DatasetService service, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.CopyAsync(user, id, cancellationToken), d => TypedResults.Created($"/api/datasets/{d.Id}", DatasetResponse.From(d)));

    private static async Task<Results<Accepted<EvaluationResponse>, ProblemHttpResult>> StartAsync(
        EvaluationService service, HttpRequest request, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var (body, bad) = await ReadObjectAsync(request, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(
            await service.StartAsync(user, id, body!, cancellationToken),
            e => TypedResults.Accepted($"/api/evaluations/{e.Id}", EvaluationResponse.From(e, null, null, null, false, false)));
    }

    private static async Task<Results<Ok<ItemsResponse<EvaluationResponse>>, ProblemHttpResult>> ListAsync(
        IEvaluationStore store, IWorkflowStore workflows, Guid id, int? version, CancellationToken cancellationToken)
    {
        if (await workflows.GetWorkflowAsync(id, cancellationToken) is null)
        {
            return ApiResults.Problem(OperationError.NotFound($"Workflow {id} does not exist."));
        }

        var evaluations = await store.ListEvaluationsAsync(id, version, cancellationToken);
        return TypedResults.Ok(new ItemsResponse<EvaluationResponse>(evaluations.Select(e => EvaluationResponse.From(e, null, null, null, false, false))));
    }

    private static async Task<Results<Ok<EvaluationResponse>, ProblemHttpResult>> GetAsync(EvaluationService service, Guid id, bool? flippedOnly, bool? cases, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.GetAsync(id, cancellationToken),
            r => TypedResults.Ok(EvaluationResponse.From(r.Evaluation, r.Report, r.Verdict, r.Dataset, flippedOnly ?? false, cases ?? true)));

    private static async Task<Results<Accepted<EvaluationResponse>, ProblemHttpResult>> CancelAsync(EvaluationService service, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.CancelAsync(user, id, cancellationToken), e => TypedResults.Accepted($"/api/evaluations/{e.Id}", EvaluationResponse.From(e, null, null, null, false, false)));

    private static async Task<Results<Ok<BudgetResponse>, ProblemHttpResult>> GetBudgetAsync(
        IEvaluationStore store, IWorkflowStore workflows, Guid id, CancellationToken cancellationToken)
    {
        if (await workflows.GetWorkflowAsync(id, cancellationToken) is null)
        {
            return ApiResults.Problem(OperationError.NotFound($"Workflow {id} does not exist."));
        }

        return await store.GetBudgetAsync(id, cancellationToken) is { } budget
            ? TypedResults.Ok(BudgetResponse.From(budget))
            : ApiResults.Problem(OperationError.NotFound($"Workflow {id} declares no failure budget."));
    }

    private static async Task<Results<Ok<BudgetResponse>, ProblemHttpResult>> SetBudgetAsync(
        EvaluationService service, HttpRequest request, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var (body, bad) = await ReadObjectAsync(request, cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(await service.SetBudgetAsync(user, id, body!, cancellationToken), b => TypedResults.Ok(BudgetResponse.From(b)));
    }

    private static async Task<Results<Ok<EvaluationGateResponse>, ProblemHttpResult>> GateAsync(
        EvaluationGate gate, IWorkflowStore workflows, Guid id, int number, CancellationToken cancellationToken)
    {
        if (await workflows.GetVersionAsync(id, number, cancellationToken) is null)
        {
            return ApiResults.Problem(OperationError.NotFound($"Workflow {id} has no version {number}."));
        }

        return TypedResults.Ok(EvaluationGateResponse.From(await gate.StatusAsync(id, number, cancellationToken)));
    }

    /// <summary>Each published workflow version a model version would serve, with its latest evaluation against the budget.</summary>
    private static async Task<Results<Ok<ModelGateResponse>, ProblemHttpResult>> ModelGateAsync(
        ModelApprovalGate gate, string id, int number, CancellationToken cancellationToken) =>
        await gate.StatusAsync(id, number, cancellationToken) is { } status
            ? TypedResults.Ok(ModelGateResponse.From(status))
            : ApiResults.Problem(OperationError.NotFound($"Model '{id}' has no version {number}."));

    /// <summary>
    /// Reads the body as one JSON object (413 over the size limit, 400 for anything else); the services bind it to
    /// their request records after their role checks.
    /// </summary>
    private static async Task<(JsonObject? Body, ProblemHttpResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (node, bad) = await ReadNodeAsync(request, cancellationToken);
        return bad is not null ? (null, bad)
            : node is JsonObject o ? (o, null)
            : (null, ApiResults.BadRequest("The body must be a JSON object.", [new ValidationProblem("body.shape", "The body must be a JSON object.", Field: "body")]));
    }

    private static async Task<(JsonNode? Body, ProblemHttpResult? Error)> ReadNodeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (text is null)
        {
            return (null, ApiResults.TooLarge());
        }

        try
        {
            return (JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }), null);
        }
        catch (JsonException ex)
        {
            return (null, ApiResults.BadRequest("The body is not valid JSON.", [new ValidationProblem("body.json", ex.Message, Field: "body")]));
        }
    }
}
