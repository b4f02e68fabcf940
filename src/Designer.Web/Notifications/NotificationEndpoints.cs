using System.Security.Claims;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Notifications;

/// <summary>
/// Dead letters of outbound notifications (issue 16), for admins: <c>GET /api/notifications/dead-letters</c> (paged,
/// newest first) and <c>POST /api/notifications/dead-letters/{id}/retry</c> (re-queued with fresh attempts, audited).
/// </summary>
internal static class NotificationEndpoints
{
    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications/dead-letters").WithTags("Notifications").RequireAuthorization(DesignerPolicies.Admin);
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:guid}/retry", RetryAsync); // no body: the id names the dead letter
        return api;
    }

    private static async Task<Results<Ok<Page<NotificationRecord>>, ProblemHttpResult>> ListAsync(INotificationStore store, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (ApiResults.CheckPaging(page, pageSize, out var p, out var size) is { } bad)
        {
            return bad;
        }

        return TypedResults.Ok(await store.ListDeadLettersAsync(p, size, cancellationToken));
    }

    private static async Task<Results<Ok<NotificationRecord>, ProblemHttpResult>> RetryAsync(INotificationStore store, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var retried = await store.RetryDeadLetterAsync(id, user.ToActor(), cancellationToken);
        return retried is null
            ? ApiResults.Problem(OperationError.NotFound($"No dead letter {id}: it does not exist or was retried already."))
            : TypedResults.Ok(retried);
    }
}
