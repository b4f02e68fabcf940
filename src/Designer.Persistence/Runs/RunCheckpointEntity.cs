namespace Designer.Persistence;

/// <summary>EF Core row for one MAF checkpoint of a run (append-only).</summary>
public sealed class RunCheckpointEntity
{
    /// <summary>Run the checkpoint resumes.</summary>
    public Guid RunId { get; set; }

    /// <summary>Checkpoint id (MAF's).</summary>
    public string CheckpointId { get; set; } = string.Empty;

    /// <summary>The checkpoint it follows.</summary>
    public string? ParentId { get; set; }

    /// <summary>MAF's checkpoint JSON, verbatim.</summary>
    public string Json { get; set; } = string.Empty;

    /// <summary>Write time (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Insertion order within the run (1-based).</summary>
    public long Sequence { get; set; }
}
