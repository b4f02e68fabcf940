using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>
/// Where a resumable maintenance job stopped (issue 14: <see cref="RunPayloadRescan"/>): its cursor, running counts
/// and when it finished. One row per job name; updated in the same transaction as the batch it records.
/// </summary>
public sealed class MaintenanceProgressEntity : IConcurrencyTracked
{
    /// <summary>The job's name, e.g. <see cref="RunPayloadRescan.JobName"/>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The last run the job finished, or null before the first batch.</summary>
    public Guid? LastRunId { get; set; }

    /// <summary>Runs scanned so far.</summary>
    public long Runs { get; set; }

    /// <summary>Stored values that changed (were tokenised) so far.</summary>
    public long Changed { get; set; }

    /// <summary>When the job finished; null while it still has work.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}
