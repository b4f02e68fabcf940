using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Runtime.Grains;
using Designer.Runtime.Runs;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Designer.Workflows.Validation.ValidationProblem;

namespace Designer.Web.Runs;

/// <summary>Runs: start (operators), list, read, cancel (operators) and the trace, as JSON and as server-sent events.</summary>
internal static class RunEndpoints
{
    public static RouteGroupBuilder MapRunEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/workflows/{id:guid}/runs", StartAsync).WithTags("Runs").DisableAntiforgery().RequireAuthorization(DesignerPolicies.Operate)
            .RequireRateLimiting(Hosting.RateLimiting.RunStart).AddEndpointFilter<RunBackPressureFilter>()
            .Accepts<RunStartRequest>(isOptional: true, "application/json")
            // The back-pressure filter's 503 and the rate limiter's 429 come from outside the handler's result type.
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        var runs = api.MapGroup("/runs").WithTags("Runs").DisableAntiforgery();
        runs.MapGet("/", ListAsync).RequireAuthorization(DesignerPolicies.Read);
        runs.MapGet("/{id:guid}", GetAsync).RequireAuthorization(DesignerPolicies.Read);
        runs.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(DesignerPolicies.Operate);
        runs.MapGet("/{id:guid}/reveal", RevealAsync).RequireAuthorization(DesignerPolicies.RevealPii);
        runs.MapGet("/{id:guid}/trace", TraceAsync).RequireAuthorization(DesignerPolicies.Read);
        runs.MapGet("/{id:guid}/trace/stream", TraceStreamEndpoint.StreamAsync).RequireAuthorization(DesignerPolicies.Read)
            .Produces<TraceEventResponse>(StatusCodes.Status200OK, TraceStreamEndpoint.ContentType).ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription(TraceStreamEndpoint.Description);
        return api;
    }

    private static async Task<Results<Ok<RunResponse>, Accepted<RunStartedResponse>, ProblemHttpResult>> StartAsync(
        RunService service, Persistence.IWorkflowApiKeyStore claims, HttpRequest request, HttpResponse response, ClaimsPrincipal user, Guid id,
        CancellationToken cancellationToken)
    {
        if (RunWait.TryRead(request, out var wait, out var fromPrefer) is { } badWait)
        {
            return ApiResults.BadRequest(badWait.Message, [badWait]);
        }

        if (IdempotentRunStart.TryRead(request, out var idempotencyKey) is { } badKey)
        {
            return ApiResults.BadRequest(badKey.Message, [badKey]);
        }

        // Read as text, not straight into the record: a repeated Idempotency-Key must match the body's exact bytes.
        var body = await ApiJson.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return ApiResults.TooLarge();
        }

        var (start, bad) = ReadStart(body);
        if (bad is not null)
        {
            return bad;
        }

        // Issue 13: the run key decides the rollout side (a retried start lands on the same version); an explicit
        // version wins over the split, and the body's runKey wins over the header.
        var input = start!.Input ?? new JsonObject();
        var options = new RunStartOptions(start.RunKey ?? idempotencyKey, start.Version, Trigger: RunTriggers.Api);

        // Issue 13: a retried start with the same Idempotency-Key gets the first run, not a second one.
        return await IdempotentRunStart.StartAsync(claims, id, idempotencyKey, body, Guid.Empty, wait, request.HttpContext, async () =>
        {
            var result = await service.StartAsync(id, input, user.ToActor(), options, cancellationToken);
            if (result.IsSuccess && fromPrefer && wait is { } asked)
            {
                response.Headers["Preference-Applied"] = $"wait={(int)asked.TotalSeconds}";
            }

            return result;
        }, cancellationToken);
    }

    /// <summary>The start body as a record, or a refusal listing every problem; an empty body is an empty start.</summary>
    private static (RunStartRequest? Start, ProblemHttpResult? Error) ReadStart(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (new RunStartRequest(), null);
        }

        if (!ApiJson.TryParseObject(body, out var json, out var error))
        {
            return (null, ApiResults.BadRequest(error!));
        }

        var typeProblems = new List<OperationProblem>();
        var start = RunRequestBinding.BindEach<RunStartRequest>(json!, "run", typeProblems);
        var problems = start?.Validate(typeProblems).ToList() ?? typeProblems;
        if (problems.Count == 0)
        {
            return (start, null);
        }

        // A wrong input alone keeps the summary it always had.
        var detail = problems.TrueForAll(p => p.Message == RunStartRequest.InputMessage) ? RunStartRequest.InputMessage : RunStartRequest.InvalidDetail;
        return (null, ApiResults.Problem(OperationError.Invalid(detail, problems)));
    }

    private static async Task<Results<Ok<RunsPageResponse<RunResponse>>, ProblemHttpResult>> ListAsync(
        IRunStore store, int? page, int? pageSize, Guid? workflowId, string? status, int? version, DateTimeOffset? from, DateTimeOffset? to,
        CancellationToken cancellationToken)
    {
        if (ApiResults.CheckPaging(page, pageSize, out var p, out var size) is { } bad)
        {
            return bad;
        }

        RunStatus? parsed = null;
        if (status is not null)
        {
            if (!Enum.TryParse<RunStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                return ApiResults.BadRequest($"Unknown status '{status}'; use one of {string.Join(", ", Enum.GetNames<RunStatus>())}.");
            }

            parsed = s;
        }

        var runs = await store.ListRunsAsync(new RunQuery(workflowId, parsed, version, from, to), p, size, cancellationToken);
        return TypedResults.Ok(new RunsPageResponse<RunResponse>(runs.Items.Select(RunResponse.From), runs.PageNumber, runs.PageSize, runs.Total));
    }

    private static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetAsync(IRunStore store, Guid id, CancellationToken cancellationToken) =>
        await store.GetRunAsync(id, cancellationToken) is { } run
            ? TypedResults.Ok(RunResponse.From(run))
            : ApiResults.Problem(OperationError.NotFound($"Run {id} does not exist."));

    /// <summary>
    /// One field of the stored run, unmasked (<c>field=input.email</c>, <c>output.x.y</c>, or <c>input</c> whole),
    /// for a <c>pii-reader</c>: the stored row holds vault tokens, and the vault read and its <c>run.pii.revealed</c>
    /// audit entry are one transaction, so no value leaves without its entry. 410 once retention shredded the values.
    /// </summary>
    private static async Task<Results<Ok<RunRevealResponse>, ProblemHttpResult>> RevealAsync(
        IRunStore store, IRunVault vault, ClaimsPrincipal user, Guid id, string? field, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(field) || field.Length > 200)
        {
            return ApiResults.BadRequest("Name the field to reveal: field=input.<path> or output.<path>.",
                [new ValidationProblem("reveal.field", "field is required (at most 200 characters).", Field: "field")]);
        }

        if (await store.GetRunAsync(id, cancellationToken) is not { } run)
        {
            return ApiResults.Problem(OperationError.NotFound($"Run {id} does not exist."));
        }

        var segments = field.Split('.');
        if (segments[0] is not ("input" or "output"))
        {
            return ApiResults.BadRequest("field must start with input or output.",
                [new ValidationProblem("reveal.field", "field must start with input or output.", Field: "field")]);
        }

        var stored = RunResponse.Revealed(run);
        var value = segments[0] == "input" ? stored.Input : stored.Output;

        foreach (var segment in segments.Skip(1))
        {
            value = value is JsonObject o && o.TryGetPropertyValue(segment, out var child) ? child : null;
        }

        if (value is null)
        {
            return ApiResults.Problem(OperationError.NotFound($"Run {id} has no value at '{field}'."));
        }

        return await vault.RevealAsync(id, field, value, user.ToActor(), cancellationToken) switch
        {
            RunVaultReveal.Revealed revealed => TypedResults.Ok(new RunRevealResponse(id, field, revealed.Value)),
            _ => TypedResults.Problem(
                $"The values of run {id} were purged by retention; '{field}' can no longer be revealed.",
                statusCode: StatusCodes.Status410Gone,
                title: "Purged by retention"),
        };
    }

    private static async Task<Results<Ok<RunCancelledResponse>, ProblemHttpResult>> CancelAsync(IGrainFactory grains, GrainCallSigner signer, ClaimsPrincipal user, Guid id)
    {
        // The operator is the audit entry's actor; the grain trusts it only signed by a web host (issue 14).
        var actor = user.ToActor();
        var outcome = await grains.GetGrain<IRunGrain>(id).CancelAsync(signer.Sign(id, new RunGrainCancel { ActorId = actor.Id, ActorName = actor.Name }));
        return RunGrainOutcomes.ToError(outcome.Kind, outcome.Message) is { } error
            ? ApiResults.Problem(error)
            : TypedResults.Ok(new RunCancelledResponse(id, RunStatus.Cancelled));
    }

    private static async Task<Results<Ok<IEnumerable<TraceEventResponse>>, ProblemHttpResult>> TraceAsync(IRunStore store, Guid id, long? after, CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(id, cancellationToken) is null)
        {
            return ApiResults.Problem(OperationError.NotFound($"Run {id} does not exist."));
        }

        var events = await store.ListTraceAsync(id, Math.Max(0, after ?? 0), 10_000, cancellationToken);
        return TypedResults.Ok(events.Select(TraceEventResponse.From));
    }
}
