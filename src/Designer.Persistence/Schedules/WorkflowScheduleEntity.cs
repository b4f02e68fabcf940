using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>
/// EF Core row for a schedule trigger of a workflow (issue 16): a cron expression in a time zone that starts the
/// workflow's active version with a fixed input. It belongs to the workflow, not a version, so it survives new
/// versions. Callers use <see cref="IWorkflowScheduleStore"/>.
/// </summary>
public sealed class WorkflowScheduleEntity : IConcurrencyTracked
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>The workflow it starts.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>What it is for.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Cron expression, 5 fields (minutes) or 6 (seconds first).</summary>
    public string Cron { get; set; } = string.Empty;

    /// <summary>IANA time zone the expression is read in (e.g. <c>Europe/Berlin</c>).</summary>
    public string TimeZone { get; set; } = string.Empty;

    /// <summary>The run input (a JSON object) every occurrence starts with.</summary>
    public string InputJson { get; set; } = "{}";

    /// <summary>Whether occurrences fire.</summary>
    public bool Enabled { get; set; }

    /// <summary>What happens to occurrences missed while no host ran (<see cref="ScheduleMissedPolicy"/>).</summary>
    public string MissedPolicy { get; set; } = ScheduleMissedPolicy.Skip;

    /// <summary>
    /// Occurrences up to this instant (UTC) are handled (fired, claimed by another host or skipped); the next ones
    /// are computed after it. Set to "now" whenever the schedule is created, re-enabled or its timing changes, so a
    /// change never fires the past.
    /// </summary>
    public DateTimeOffset FiredThrough { get; set; }

    /// <summary>The latest occurrence a host claimed (UTC), if any.</summary>
    public DateTimeOffset? LastOccurrence { get; set; }

    /// <summary>The run the latest started occurrence started, if any.</summary>
    public Guid? LastRunId { get; set; }

    /// <summary>Who created it.</summary>
    public string CreatedById { get; set; } = string.Empty;

    /// <summary>Their display name.</summary>
    public string CreatedByName { get; set; } = string.Empty;

    /// <summary>Creation time (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Last change by a person (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}
