using System.Text.Json.Nodes;

namespace Designer.Web.Triggers;

/// <summary>
/// The body of a schedule's creation or replacement, bound by <see cref="Api.ApiBody.ReadAsync{T}"/>;
/// <see cref="ScheduleService"/> checks the values and lists every problem, a wrongly typed property included.
/// </summary>
/// <param name="Name">What the schedule is for, 1 to 200 characters; required.</param>
/// <param name="Cron">When it fires, a cron expression; required.</param>
/// <param name="TimeZone">The IANA time zone the cron expression is read in; required.</param>
/// <param name="Enabled">Whether it fires at all (true when left out).</param>
/// <param name="MissedPolicy">What happens to occurrences missed while the service was down (skip when left out).</param>
/// <param name="Input">
/// The run input every occurrence starts with (empty when left out); it must match the workflow's input schema, so it
/// stays a JSON object that the schema validator checks.
/// </param>
public sealed record ScheduleRequest(string? Name, string? Cron, string? TimeZone, bool? Enabled, string? MissedPolicy, JsonObject? Input);
