namespace Designer.Persistence;

/// <summary>
/// EF Core row for one occurrence of a schedule (issue 16), keyed by (schedule, occurrence UTC). Inserting it claims
/// the occurrence: across every host on the database exactly one insert wins, and only the winner starts the run.
/// </summary>
public sealed class ScheduleOccurrenceEntity
{
    /// <summary>Schedule the occurrence belongs to; with the time it forms the key that lets one host claim it.</summary>
    public Guid ScheduleId { get; set; }

    /// <summary>The cron time (UTC) that fired, not when a host got to it; claimed at most once.</summary>
    public DateTimeOffset OccurrenceUtc { get; set; }

    /// <summary>When a host claimed it (UTC).</summary>
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>The host that claimed it.</summary>
    public string ClaimedBy { get; set; } = string.Empty;

    /// <summary>The run it started; null while starting, or when the start was refused.</summary>
    public Guid? RunId { get; set; }

    /// <summary>Why no run started (no active version, invalid input, …); null when one did or while starting.</summary>
    public string? Problem { get; set; }
}
