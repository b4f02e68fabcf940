namespace Designer.Persistence;

/// <summary>
/// EF Core row for one batch (issue 16): a file of run inputs uploaded for a workflow, one run per row, started in
/// the background by the batch worker as the uploading user.
/// </summary>
public sealed class BatchEntity
{
    /// <summary>Batch id (version 7).</summary>
    public Guid Id { get; set; }

    /// <summary>The workflow the rows start.</summary>
    public Guid WorkflowId { get; set; }

    /// <summary><c>csv</c> or <c>ndjson</c>.</summary>
    public string Format { get; set; } = string.Empty;

    /// <summary>Rows stored (and to start).</summary>
    public int RowCount { get; set; }

    /// <summary>Bad lines left out because the uploader asked to skip them.</summary>
    public int SkippedCount { get; set; }

    /// <summary>The uploader's id: the actor every row's run is started as.</summary>
    public string CreatedById { get; set; } = string.Empty;

    /// <summary>The uploader's name.</summary>
    public string CreatedByName { get; set; } = string.Empty;

    /// <summary>Upload time (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the last row was started (or refused); null while rows wait.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }
}
