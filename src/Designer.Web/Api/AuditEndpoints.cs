using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using ValidationProblem = Designer.Workflows.Validation.ValidationProblem;

namespace Designer.Web.Api;

/// <summary>The hash-chained audit log: read it, and verify the chain end to end.</summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(DesignerPolicies.Audit);
        audit.MapGet("/", ListAsync);
        audit.MapGet("/verify", async (IAuditLog log, CancellationToken cancellationToken) =>
            TypedResults.Ok(await log.VerifyAsync(cancellationToken)));

        // Issue 14: anchoring. Export a signed checkpoint of the head, keep it elsewhere, send it back later: a chain
        // whose newest entries were cut off no longer holds the anchored entry.
        audit.MapGet("/checkpoint", async (AuditCheckpoints checkpoints, CancellationToken cancellationToken) =>
            TypedResults.Ok(await checkpoints.CreateAsync(cancellationToken)));
        audit.MapGet("/checkpoint/key", (AuditCheckpointSigner signer) =>
            TypedResults.Ok(new AuditSigningKey(signer.KeyId, "ECDSA P-256, SHA-256, IEEE P1363 signature over signedText", signer.PublicKeyPem)));
        audit.MapPost("/checkpoint/verify", VerifyCheckpointAsync);
        return api;
    }

    private static async Task<Results<Ok<AuditCheckpointVerification>, ProblemHttpResult>> VerifyCheckpointAsync(
        AuditCheckpoints checkpoints, AuditCheckpointRequest request, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        if (request.ToCheckpoint(problems) is not { } checkpoint)
        {
            return (ProblemHttpResult)ApiResults.BadRequest("The checkpoint is incomplete or malformed.", problems);
        }

        return TypedResults.Ok(await checkpoints.VerifyAsync(checkpoint, cancellationToken));
    }

    /// <summary>The public half of the checkpoint key, for verifying exported checkpoints outside Designer.</summary>
    internal sealed record AuditSigningKey(string KeyId, string Algorithm, string PublicKeyPem);

    private static async Task<Results<Ok<Page<AuditEntryRecord>>, ProblemHttpResult>> ListAsync(
        IAuditLog log, int? page, int? pageSize, string? entityId, CancellationToken cancellationToken)
    {
        if (ApiResults.CheckPaging(page, pageSize, out var p, out var size) is { } bad)
        {
            return bad;
        }

        return TypedResults.Ok(await log.ListAsync(p, size, entityId, cancellationToken));
    }
}
