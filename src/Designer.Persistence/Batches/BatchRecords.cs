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

/// <summary>How many rows of a batch stand where.</summary>
/// <param name="Pending">Not started yet.</param>
/// <param name="Running">Run executing or queued.</param>
/// <param name="Waiting">Run parked at a human gate.</param>
/// <param name="Succeeded">Run completed.</param>
/// <param name="Failed">Run faulted, cancelled or interrupted, or the start was refused.</param>
public sealed record BatchProgress(int Pending, int Running, int Waiting, int Succeeded, int Failed)
{
    /// <summary>Rows whose run has ended or whose start was refused.</summary>
    public int Done => Succeeded + Failed;
}

/// <summary>Where one row stands.</summary>
public enum BatchRowStatus
{
    /// <summary>Not started yet.</summary>
    Pending,

    /// <summary>Its run executes or is queued.</summary>
    Running,

    /// <summary>Its run waits for a person.</summary>
    Waiting,

    /// <summary>Its run completed.</summary>
    Succeeded,

    /// <summary>Its run failed, was cancelled or interrupted, or its start was refused.</summary>
    Failed,
}

/// <summary>One row's outcome, for the results page and CSV.</summary>
/// <param name="Line">File line.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="RunId">Its run, once started.</param>
/// <param name="RunStatus">The run's stored status.</param>
/// <param name="EndNode">The End node reached.</param>
/// <param name="Error">The run's error or why the start was refused.</param>
public sealed record BatchRowRecord(int Line, BatchRowStatus Status, Guid? RunId, RunStatus? RunStatus, string? EndNode, string? Error);

/// <summary>A row to store: its line and run input.</summary>
/// <param name="Line">File line (1-based).</param>
/// <param name="InputJson">Run input (a JSON object).</param>
public sealed record NewBatchRow(int Line, string InputJson);

/// <summary>A row the worker has to start.</summary>
/// <param name="Line">File line.</param>
/// <param name="InputJson">Run input.</param>
/// <param name="RunId">The run id recorded for it, if a start was begun before.</param>
public sealed record PendingBatchRow(int Line, string InputJson, Guid? RunId);
