namespace Designer.Persistence;

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
