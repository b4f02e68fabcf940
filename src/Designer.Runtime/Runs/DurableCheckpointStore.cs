using Designer.Persistence;
using Designer.Runtime.Execution;

namespace Designer.Runtime.Runs;

/// <summary><see cref="IRunCheckpointStore"/> over the persistence layer's <c>RunCheckpoints</c> table.</summary>
public sealed class DurableCheckpointStore : IRunCheckpointStore
{
    private readonly IRunStore _store;
    private readonly StorageFaults _faults;

    /// <summary>Creates the store.</summary>
    /// <param name="store">The run store.</param>
    /// <param name="faults">Where failed writes are recorded.</param>
    public DurableCheckpointStore(IRunStore store, StorageFaults faults)
    {
        _store = store;
        _faults = faults;
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(string runId, RunCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var id = RunIds.Parse(runId);
        try
        {
            await _store.AppendCheckpointAsync(id, new RunCheckpointRecord(checkpoint.CheckpointId, checkpoint.ParentId, checkpoint.Json, checkpoint.CreatedAt), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _faults.Mark(id, ex);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask<RunCheckpoint?> GetAsync(string runId, string checkpointId, CancellationToken cancellationToken)
    {
        var record = await _store.GetCheckpointAsync(RunIds.Parse(runId), checkpointId, cancellationToken);
        return record is null ? null : new RunCheckpoint(record.CheckpointId, record.ParentId, record.Json, record.CreatedAt);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<RunCheckpoint>> ListAsync(string runId, CancellationToken cancellationToken)
    {
        var records = await _store.ListCheckpointsAsync(RunIds.Parse(runId), cancellationToken);
        return [.. records.Select(r => new RunCheckpoint(r.CheckpointId, r.ParentId, r.Json, r.CreatedAt))];
    }
}
