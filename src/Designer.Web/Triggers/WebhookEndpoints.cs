using System.Text.Json.Nodes;
using Designer.Runtime.Runs;
using Designer.Web.Api;
using Designer.Web.Runs;

namespace Designer.Web.Triggers;

/// <summary>
/// <c>POST /hooks/{workflowId}</c> (issue 16): starts a run of the workflow with the body as its input, authenticated
/// by one of that workflow's API keys only (no cookie or token), through the same start path, rollout split and reply
/// as <c>POST /api/workflows/{id}/runs</c>. Every authentication failure is the same 401, so a caller cannot learn
/// whether a workflow exists.
/// </summary>
internal static class WebhookEndpoints
{
    public const string ApiKeyHeader = "X-Api-Key";

    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    // As every API body: case-insensitive names (as the run start reads its input) and the API's nesting limit.
    private static readonly JsonNodeOptions InputNodeOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly System.Text.Json.JsonDocumentOptions InputDocumentOptions = new() { MaxDepth = 64 };

    public static string PathFor(Guid workflowId) => $"/hooks/{workflowId}";

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/hooks/{workflowId:guid}", DeliverAsync).WithTags("Triggers").AllowAnonymous().DisableAntiforgery()
            .RequireRateLimiting(Hosting.RateLimiting.RunStart).AddEndpointFilter<Runs.RunBackPressureFilter>();
        return app;
    }

    private static async Task<IResult> DeliverAsync(
        IWorkflowApiKeyStore keys, ApiKeyService apiKeys, RunService runs, TimeProvider time, HttpRequest request, HttpResponse response,
        Guid workflowId, CancellationToken cancellationToken)
    {
        // The body stays text until the signature, computed over the exact bytes sent, has been checked; then it is
        // the run input, any JSON object (the workflow's input schema checks it), so no request record applies.
        var body = await RequestBody.ReadTextAsync(request.Body, request.ContentLength, ApiJson.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return ApiResults.TooLarge();
        }

        var presented = PresentedKey(request);
        var credential = ApiKeySecrets.PrefixOf(presented) is { } prefix ? await keys.FindByPrefixAsync(prefix, cancellationToken) : null;
        if (credential is null || !ApiKeySecrets.Matches(presented!, credential.SecretHash)
            || credential.Key.Revoked || credential.Key.WorkflowId != workflowId)
        {
            return Unauthorized(response, "Send a valid, unrevoked API key of this workflow as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
        }

        if (credential.SigningSecretProtected is { } signing
            && WebhookSignature.Check(apiKeys.UnprotectSigningSecret(signing), Header(request, WebhookSignature.TimestampHeader),
                Header(request, WebhookSignature.SignatureHeader), body, time.GetUtcNow()) is { } badSignature)
        {
            return Unauthorized(response, badSignature);
        }

        // "Last used" to the minute: a write per delivery would be a second write transaction per run (issue 15).
        if (credential.Key.LastUsedAt is not { } lastUsed || time.GetUtcNow() - lastUsed >= LastUsedResolution)
        {
            await keys.TouchAsync(credential.Key.Id, cancellationToken);
        }

        var problems = new List<ValidationProblem>();
        if (RunWait.TryRead(request, out var wait, out _) is { } badWait)
        {
            problems.Add(badWait);
        }

        if (IdempotentRunStart.TryRead(request, out var idempotencyKey) is { } badKey)
        {
            problems.Add(badKey);
        }

        JsonObject input = [];
        if (!string.IsNullOrWhiteSpace(body))
        {
            if (RequestBody.TryParseObject(body, InputNodeOptions, InputDocumentOptions, out var json, out var error))
            {
                input = json!;
            }
            else
            {
                problems.Add(new ValidationProblem("hook.body", error!, Field: "body"));
            }
        }

        if (problems.Count > 0)
        {
            return ApiResults.BadRequest("The delivery is invalid: " + string.Join("; ", problems.Select(p => p.Message)), problems);
        }

        var actor = new Actor($"api-key:{credential.Key.Id:D}", $"API key {credential.Key.Name} ({credential.Key.Prefix})");
        return await IdempotentRunStart.StartAsync(keys, workflowId, idempotencyKey, body, credential.Key.Id, wait, request.HttpContext,
            () => runs.StartAsync(workflowId, input, actor, new RunStartOptions(idempotencyKey, ValidateInput: true, Trigger: RunTriggers.Webhook), cancellationToken), cancellationToken);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (Header(request, ApiKeyHeader) is { Length: > 0 } key)
        {
            return key;
        }

        var authorization = Header(request, "Authorization");
        return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    private static string? Header(HttpRequest request, string name) => request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Unauthorized(HttpResponse response, string detail)
    {
        response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
    }
}
