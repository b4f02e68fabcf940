namespace Designer.Persistence;

/// <summary>A batch with its progress.</summary>
/// <param name="WorkflowId">Workflow whose active version runs each row.</param>
/// <param name="Format"><c>csv</c> or <c>ndjson</c>.</param>
/// <param name="RowCount">Rows to start.</param>
/// <param name="SkippedCount">Bad lines left out on request.</param>
/// <param name="CreatedById">Uploader id (the runs' actor).</param>
/// <param name="CreatedByName">Uploader name.</param>
/// <param name="CreatedAt">Upload time.</param>
/// <param name="DispatchedAt">When every row had been started or refused.</param>
/// <param name="Progress">Counts by where each row stands.</param>
public sealed record BatchRecord(
    Guid Id, Guid WorkflowId, string Format, int RowCount, int SkippedCount, string CreatedById, string CreatedByName,
    DateTimeOffset CreatedAt, DateTimeOffset? DispatchedAt, BatchProgress Progress)
{
    /// <summary>Whether every row's run has ended (or was refused).</summary>
    public bool Finished => Progress.Pending == 0 && Progress.Running == 0 && Progress.Waiting == 0;
}
