using System.Text.Json.Nodes;

namespace Designer.Web.Triggers;

/// <summary>
/// The body of a schedule's creation or replacement, as the OpenAPI document describes it. <see cref="ScheduleService"/>
/// reads the body by hand so that every problem (a wrong type included) is listed with its own code; this record only
/// names the shape.
/// </summary>
/// <param name="Name">What the schedule is for, 1 to 200 characters.</param>
/// <param name="Cron">When it fires, a cron expression.</param>
/// <param name="TimeZone">The IANA time zone the cron expression is read in.</param>
/// <param name="Enabled">Whether it fires at all (true when left out).</param>
/// <param name="MissedPolicy">What happens to occurrences missed while the service was down (skip when left out).</param>
/// <param name="Input">The run input every occurrence starts with; it must match the workflow's input schema.</param>
public sealed record ScheduleRequest(string Name, string Cron, string TimeZone, bool? Enabled, string? MissedPolicy, JsonObject? Input);
