namespace Designer.Persistence;

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
