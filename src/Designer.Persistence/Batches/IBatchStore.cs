using Designer.Hosting;

namespace Designer.Persistence;

/// <summary>
/// Batches of run inputs (issue 16): stored with their rows and audit entry in one transaction; the worker then
/// records each row's run id before the start and marks the row once the run exists.
/// </summary>
public interface IBatchStore
{
    /// <summary>Stores a batch and its rows, audited. NotFound when the workflow does not exist.</summary>
    Task<OperationResult<BatchRecord>> CreateAsync(Guid workflowId, string format, int skipped, IReadOnlyList<NewBatchRow> rows, Actor actor, CancellationToken cancellationToken);

    /// <summary>The batch with its progress; null when unknown.</summary>
    Task<BatchRecord?> GetAsync(Guid batchId, CancellationToken cancellationToken);

    /// <summary>The workflow's batches, newest first, with progress.</summary>
    Task<IReadOnlyList<BatchRecord>> ListAsync(Guid workflowId, int max, CancellationToken cancellationToken);

    /// <summary>Every row's outcome, by line.</summary>
    Task<IReadOnlyList<BatchRowRecord>> ListRowsAsync(Guid batchId, CancellationToken cancellationToken);

    /// <summary>Batches that still have rows to start, oldest first.</summary>
    Task<IReadOnlyList<BatchRecord>> ListUndispatchedAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> rows not started yet, by line.</summary>
    Task<IReadOnlyList<PendingBatchRow>> NextPendingAsync(Guid batchId, int max, CancellationToken cancellationToken);

    /// <summary>Rows of the batch whose run executes (queued or running) now.</summary>
    Task<int> CountRunningAsync(Guid batchId, CancellationToken cancellationToken);

    /// <summary>Records the run id a row will start under, unless one is recorded; returns the row's run id.</summary>
    Task<Guid> AssignRunAsync(Guid batchId, int line, Guid runId, CancellationToken cancellationToken);

    /// <summary>Marks a row started (its input now lives in the run) or refused with <paramref name="error"/>.</summary>
    Task MarkStartedAsync(Guid batchId, int line, string? error, CancellationToken cancellationToken);

    /// <summary>Marks the batch dispatched when no row is left to start; returns whether it is.</summary>
    Task<bool> TryMarkDispatchedAsync(Guid batchId, CancellationToken cancellationToken);
}
