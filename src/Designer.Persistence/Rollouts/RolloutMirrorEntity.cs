namespace Designer.Persistence;

/// <summary>
/// EF Core row for one live run mirrored to a shadow rollout and not yet processed (issue 13): durable, so a crash
/// between the live run's start and the shadow run loses nothing. Only ids are kept — the input is read from the run
/// itself (tokenised there like any run input), so this table holds no personal data.
/// </summary>
public sealed class RolloutMirrorEntity
{
    /// <summary>Row id (version 7).</summary>
    public Guid Id { get; set; }

    /// <summary>The shadow rollout.</summary>
    public Guid RolloutId { get; set; }

    /// <summary>Copied from the rollout so that the worker can load the candidate without reading the rollout.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary>The candidate version to run in shadow.</summary>
    public int CandidateVersion { get; set; }

    /// <summary>The live run whose input is mirrored.</summary>
    public Guid RunId { get; set; }

    /// <summary>When the live run was mirrored (Unix ms; orders the queue and picks the oldest to drop).</summary>
    public long EnqueuedAtMs { get; set; }

    /// <summary>The worker holding the row, if any.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Until when the lease holds (Unix ms); a crashed worker's rows are claimable again after it.</summary>
    public long LeaseUntilMs { get; set; }

    /// <summary>How often the row was claimed.</summary>
    public int Attempts { get; set; }
}
