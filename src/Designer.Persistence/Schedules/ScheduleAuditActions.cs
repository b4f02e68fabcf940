namespace Designer.Persistence;

/// <summary>Audit actions of schedule triggers (entity type <c>workflow</c>; the schedule id and definition in the data).</summary>
public static class ScheduleAuditActions
{
    /// <summary>A schedule was created.</summary>
    public const string Created = "workflow.schedule.created";

    /// <summary>A schedule was changed (including enabled / disabled).</summary>
    public const string Updated = "workflow.schedule.updated";

    /// <summary>A schedule was deleted.</summary>
    public const string Deleted = "workflow.schedule.deleted";
}
