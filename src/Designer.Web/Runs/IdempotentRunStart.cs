using System.Security.Cryptography;
using System.Text;
using Designer.Runtime.Runs;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Designer.Workflows.Validation.ValidationProblem;

namespace Designer.Web.Runs;

/// <summary>
/// A run start carrying an <c>Idempotency-Key</c>, for the REST start and the webhook alike (issues 13 and 16): the
/// key is claimed per workflow with the body's hash <em>before</em> the run starts, so a retried request — after a
/// timeout, from a second client, after a restart — gets the first run instead of a second one; the same key with a
/// different body is refused. One key space per workflow, whichever door the request came through.
/// </summary>
internal static class IdempotentRunStart
{
    /// <summary>The request header.</summary>
    public const string Header = "Idempotency-Key";

    /// <summary>The response header of an answer that repeats an earlier start.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>The key of the request: null when absent, a problem when empty or too long.</summary>
    /// <param name="key">The key, or null.</param>
    /// <returns>A problem to list, or null.</returns>
    public static ValidationProblem? TryRead(HttpRequest request, out string? key)
    {
        key = request.Headers.TryGetValue(Header, out var values) ? values.ToString() : null;
        return key is { Length: 0 or > RunStartRequest.MaxRunKeyLength }
            ? new ValidationProblem("idempotencyKey", $"The {Header} header must be 1 to {RunStartRequest.MaxRunKeyLength} characters.", Field: Header)
            : null;
    }

    /// <summary>Starts the run once per key and answers like <see cref="RunStartReply"/>.</summary>
    /// <param name="claims">Where keys are claimed.</param>
    /// <param name="key">The caller's key, or null to start without one.</param>
    /// <param name="body">The raw body, whose hash a repeated key must match.</param>
    /// <param name="apiKeyId">The API key of a webhook delivery; <see cref="Guid.Empty"/> for a signed-in user.</param>
    /// <param name="wait">How long the caller asked to wait for the run to settle.</param>
    /// <param name="http">The request's context.</param>
    /// <param name="start">Called only when the key is new (or absent); a repeated key answers with the first run instead.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public static async Task<Results<Ok<RunResponse>, Accepted<RunStartedResponse>, ProblemHttpResult>> StartAsync(
        IWorkflowApiKeyStore claims, Guid workflowId, string? key, string body, Guid apiKeyId, TimeSpan? wait, HttpContext http,
        Func<Task<OperationResult<RunRecord>>> start, CancellationToken cancellationToken)
    {
        var services = http.RequestServices;
        if (key is null)
        {
            return await RunStartReply.FromAsync(await start(), wait, services, cancellationToken);
        }

        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        switch (await claims.ClaimDeliveryAsync(workflowId, key, bodyHash, apiKeyId, cancellationToken))
        {
            case WebhookClaim.Repeated { RunId: { } first }:
                http.Response.Headers[ReplayedHeader] = "true";
                return await RunStartReply.StartedAsync(first, wait, services, cancellationToken);
            case WebhookClaim.Repeated:
                return TypedResults.Problem($"A start with {Header} '{key}' is still in progress; retry shortly.",
                    statusCode: StatusCodes.Status409Conflict, title: "Start in progress");
            case WebhookClaim.WorkflowNotFound:
                return await RunStartReply.FromAsync(RunStartErrors.WorkflowNotFound(workflowId), wait, services, cancellationToken);
            case WebhookClaim.BodyMismatch:
                return TypedResults.Problem($"{Header} '{key}' was used before with a different body; use a new key for a new start.",
                    statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
                    extensions: new Dictionary<string, object?> { ["errors"] = new[] { new ValidationProblem("idempotencyKey", "reused with a different body", Field: Header) } });
        }

        OperationResult<RunRecord> result;
        try
        {
            result = await start();
        }
        catch
        {
            await claims.ReleaseDeliveryAsync(workflowId, key, CancellationToken.None);
            throw;
        }

        // A refused start (bad input, no active version) frees the key, so the corrected request may reuse it.
        await (result.IsSuccess
            ? claims.CompleteDeliveryAsync(workflowId, key, result.Value.Id, CancellationToken.None)
            : claims.ReleaseDeliveryAsync(workflowId, key, CancellationToken.None));
        return await RunStartReply.FromAsync(result, wait, services, cancellationToken);
    }
}
