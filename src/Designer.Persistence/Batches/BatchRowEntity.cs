namespace Designer.Persistence;

/// <summary>
/// EF Core row for one line of a batch. The run id is recorded before the run is started, so a worker that restarts
/// mid-start finds the id and either sees the run or starts it under that same id (the run's primary key makes a
/// second start impossible).
/// </summary>
public sealed class BatchRowEntity
{
    /// <summary>Batch this input row belongs to.</summary>
    public Guid BatchId { get; set; }

    /// <summary>The line of the file (1-based; the CSV header is line 1).</summary>
    public int Line { get; set; }

    /// <summary>The run input as JSON while the row waits; cleared once the run holds it (the run keeps it protected).</summary>
    public string? InputJson { get; set; }

    /// <summary>The run's id, chosen before the start.</summary>
    public Guid? RunId { get; set; }

    /// <summary>When the run was started (or the start refused).</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Why the start was refused (the version that ran had another schema, no active version…).</summary>
    public string? Error { get; set; }
}
