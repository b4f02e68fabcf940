namespace Designer.Persistence;

/// <summary>Where <see cref="RunPayloadRescan"/> stands.</summary>
/// <param name="Runs">Runs scanned so far.</param>
/// <param name="Changed">Stored values tokenised so far.</param>
/// <param name="Completed">Whether the job has finished (and written its audit entry).</param>
public sealed record RunPayloadRescanProgress(long Runs, long Changed, bool Completed)
{
    internal static RunPayloadRescanProgress From(MaintenanceProgressEntity row) => new(row.Runs, row.Changed, row.CompletedAt is not null);
}
