using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>EF Core row for a background collection job (ingestion or re-embedding).</summary>
public sealed class CollectionJobEntity : IConcurrencyTracked
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>Collection whose documents the job processes.</summary>
    public Guid CollectionId { get; set; }

    /// <summary>What the job does.</summary>
    public CollectionJobKind Kind { get; set; }

    /// <summary>Where it is.</summary>
    public CollectionJobStatus Status { get; set; }

    /// <summary>Documents to process.</summary>
    public int Total { get; set; }

    /// <summary>Documents processed.</summary>
    public int Done { get; set; }

    /// <summary>Re-embedding resumes after this document id.</summary>
    public string? Cursor { get; set; }

    /// <summary>Re-embedding: the target model version.</summary>
    public int? TargetVersion { get; set; }

    /// <summary>Set when a user asked to cancel; the worker stops at the next batch.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; set; }

    /// <summary>Id of who queued it.</summary>
    public string CreatedById { get; set; } = string.Empty;

    /// <summary>Queued at (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the current attempt started (UTC); the rate is measured from here.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary><see cref="Done"/> when the current attempt started.</summary>
    public int DoneAtStart { get; set; }

    /// <summary>Last progress write (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Terminal time (UTC).</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}
