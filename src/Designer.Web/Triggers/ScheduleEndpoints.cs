using System.Security.Claims;
using Designer.Web.Api;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Designer.Web.Triggers;

/// <summary>
/// Schedule triggers (issue 16): <c>GET /api/workflows/{id}/schedules</c> and <c>GET …/schedules/{scheduleId}/occurrences</c>
/// (the latest 50 claimed occurrences: run id or why none started) for every role,
/// <c>POST …/schedules</c>, <c>PUT …/schedules/{scheduleId}</c> and <c>DELETE …/schedules/{scheduleId}</c> for admins
/// and operators. A malformed cron, an unknown time zone or a bad input is a ProblemDetails naming every problem.
/// </summary>
internal static class ScheduleEndpoints
{
    public static RouteGroupBuilder MapScheduleEndpoints(this RouteGroupBuilder api)
    {
        var schedules = api.MapGroup("/workflows/{id:guid}/schedules").WithTags("Triggers").DisableAntiforgery();
        schedules.MapGet("/", ListAsync).RequireAuthorization(DesignerPolicies.Read);
        schedules.MapGet("/{scheduleId:guid}/occurrences", OccurrencesAsync).RequireAuthorization(DesignerPolicies.Read);
        schedules.MapPost("/", CreateAsync).RequireAuthorization(DesignerPolicies.ManageTriggers).Accepts<ScheduleRequest>(isOptional: true, "application/json");
        schedules.MapPut("/{scheduleId:guid}", UpdateAsync).RequireAuthorization(DesignerPolicies.ManageTriggers).Accepts<ScheduleRequest>(isOptional: true, "application/json");
        schedules.MapDelete("/{scheduleId:guid}", DeleteAsync).RequireAuthorization(DesignerPolicies.ManageTriggers);
        return api;
    }

    private static async Task<Ok<ItemsResponse<ScheduleResponse>>> ListAsync(ScheduleService service, Guid id, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ItemsResponse<ScheduleResponse>(await service.ListAsync(id, cancellationToken)));

    private static async Task<Results<Ok<ItemsResponse<ScheduleOccurrenceRecord>>, ProblemHttpResult>> OccurrencesAsync(
        ScheduleService service, Guid id, Guid scheduleId, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.ListOccurrencesAsync(id, scheduleId, 50, cancellationToken), o => TypedResults.Ok(new ItemsResponse<ScheduleOccurrenceRecord>(o)));

    private static async Task<Results<Created<ScheduleResponse>, ProblemHttpResult>> CreateAsync(
        ScheduleService service, HttpRequest request, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        var (body, problems, bad) = await ApiBody.ReadAsync<ScheduleRequest>(request, "schedule", cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(await service.CreateAsync(user, id, body!, problems, cancellationToken),
            s => TypedResults.Created($"/api/workflows/{id}/schedules/{s.Id}", s));
    }

    private static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> UpdateAsync(
        ScheduleService service, HttpRequest request, ClaimsPrincipal user, Guid id, Guid scheduleId, CancellationToken cancellationToken)
    {
        var (body, problems, bad) = await ApiBody.ReadAsync<ScheduleRequest>(request, "schedule", cancellationToken);
        if (bad is not null)
        {
            return bad;
        }

        return ApiResults.Match(await service.UpdateAsync(user, id, scheduleId, body!, problems, cancellationToken), s => TypedResults.Ok(s));
    }

    private static async Task<Results<Ok<ScheduleResponse>, ProblemHttpResult>> DeleteAsync(
        ScheduleService service, ClaimsPrincipal user, Guid id, Guid scheduleId, CancellationToken cancellationToken) =>
        ApiResults.Match(await service.DeleteAsync(user, id, scheduleId, cancellationToken), s => TypedResults.Ok(s));
}
