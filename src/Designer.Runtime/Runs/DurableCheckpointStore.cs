using Designer.Persistence;
using Designer.Runtime.Execution;

namespace Designer.Runtime.Runs;

/// <summary><see cref="IRunCheckpointStore"/> over the persistence layer's <c>RunCheckpoints</c> table.</summary>
public sealed class DurableCheckpointStore : IRunCheckpointStore
{
    private readonly IRunStore _store;

    /// <summary>Creates the store.</summary>
    /// <param name="store">The run store.</param>
    public DurableCheckpointStore(IRunStore store) => _store = store;

    /// <inheritdoc />
    public async ValueTask SaveAsync(string runId, RunCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await _store.AppendCheckpointAsync(RunIds.Parse(runId), new RunCheckpointRecord(checkpoint.CheckpointId, checkpoint.ParentId, checkpoint.Json, checkpoint.CreatedAt), cancellationToken);
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
