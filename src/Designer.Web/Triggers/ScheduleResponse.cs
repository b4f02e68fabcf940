using System.Text.Json.Nodes;

namespace Designer.Web.Triggers;

/// <summary>A schedule as the API shows it, with its next occurrences (none while disabled).</summary>
internal sealed record ScheduleResponse(
    Guid Id, Guid WorkflowId, string Name, string Cron, string TimeZone, JsonObject Input, bool Enabled, string MissedPolicy,
    IReadOnlyList<DateTimeOffset> NextOccurrences, DateTimeOffset? LastOccurrence, Guid? LastRunId, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    public const int NextCount = 3;

    public static ScheduleResponse From(WorkflowScheduleRecord schedule, DateTimeOffset now)
    {
        var d = schedule.Definition;
        IReadOnlyList<DateTimeOffset> next = [];
        if (d.Enabled && ScheduleCron.TryParse(d.Cron, out _) is { } cron && ScheduleCron.TryFindTimeZone(d.TimeZone, out _) is { } zone)
        {
            next = ScheduleCron.Next(cron, zone, now, NextCount);
        }

        return new ScheduleResponse(
            schedule.Id, schedule.WorkflowId, d.Name, d.Cron, d.TimeZone, JsonNode.Parse(d.InputJson) as JsonObject ?? [], d.Enabled, d.MissedPolicy,
            next, schedule.LastOccurrence, schedule.LastRunId, schedule.CreatedByName, schedule.CreatedAt, schedule.UpdatedAt);
    }
}
