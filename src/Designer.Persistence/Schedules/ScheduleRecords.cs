namespace Designer.Persistence;

/// <summary>What a person sets on a schedule (already validated by the caller).</summary>
/// <param name="Name">What it is for.</param>
/// <param name="Cron">Cron expression (5 or 6 fields).</param>
/// <param name="TimeZone">IANA time zone.</param>
/// <param name="InputJson">The run input, a JSON object.</param>
/// <param name="Enabled">Whether occurrences fire.</param>
/// <param name="MissedPolicy">A <see cref="ScheduleMissedPolicy"/> value.</param>
public sealed record ScheduleDefinition(string Name, string Cron, string TimeZone, string InputJson, bool Enabled, string MissedPolicy);

/// <summary>A schedule as callers see it.</summary>
/// <param name="WorkflowId">The workflow it starts.</param>
/// <param name="Definition">What was set.</param>
/// <param name="FiredThrough">Occurrences up to this instant are handled.</param>
/// <param name="CreatedByName">Display name of the user who created the schedule.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="LastOccurrence">The latest claimed occurrence, if any.</param>
/// <param name="LastRunId">The run of the latest occurrence that started one, if any.</param>
public sealed record WorkflowScheduleRecord(
    Guid Id, Guid WorkflowId, ScheduleDefinition Definition, DateTimeOffset FiredThrough, string CreatedByName,
    DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt, DateTimeOffset? LastOccurrence, Guid? LastRunId)
{
    internal static WorkflowScheduleRecord From(WorkflowScheduleEntity e, string inputJson) => new(
        e.Id, e.WorkflowId, new ScheduleDefinition(e.Name, e.Cron, e.TimeZone, inputJson, e.Enabled, e.MissedPolicy),
        e.FiredThrough, e.CreatedByName, e.CreatedAt, e.UpdatedAt, e.LastOccurrence, e.LastRunId);
}

/// <summary>One claimed occurrence of a schedule.</summary>
/// <param name="ScheduleId">Schedule the occurrence belongs to.</param>
/// <param name="OccurrenceUtc">The cron time (UTC) that fired; claimed at most once.</param>
/// <param name="ClaimedAt">When it was claimed.</param>
/// <param name="ClaimedBy">The host that claimed it.</param>
/// <param name="RunId">The run it started.</param>
/// <param name="Problem">Why none started.</param>
public sealed record ScheduleOccurrenceRecord(Guid ScheduleId, DateTimeOffset OccurrenceUtc, DateTimeOffset ClaimedAt, string ClaimedBy, Guid? RunId, string? Problem)
{
    internal static ScheduleOccurrenceRecord From(ScheduleOccurrenceEntity e) => new(e.ScheduleId, e.OccurrenceUtc, e.ClaimedAt, e.ClaimedBy, e.RunId, e.Problem);
}
