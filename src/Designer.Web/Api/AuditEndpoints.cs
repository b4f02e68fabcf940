using Designer.Web.Identity;

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
        return api;
    }

    private static async Task<IResult> ListAsync(
        IAuditLog log, int? page, int? pageSize, string? entityId, CancellationToken cancellationToken)
    {
        if (ApiResults.CheckPaging(page, pageSize, out var p, out var size) is { } bad)
        {
            return bad;
        }

        return TypedResults.Ok(await log.ListAsync(p, size, entityId, cancellationToken));
    }
}
