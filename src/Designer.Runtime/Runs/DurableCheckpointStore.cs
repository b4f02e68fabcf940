using Designer.Persistence;
using Designer.Runtime.Execution;

namespace Designer.Runtime.Runs;

/// <summary>
/// <see cref="IRunCheckpointStore"/> over the persistence layer's <c>RunCheckpoints</c> table. The store writes
/// checkpoints with the run's sensitive values as vault tokens; reads turn them back, so a resumed run sees the values.
/// </summary>
public sealed class DurableCheckpointStore : IRunCheckpointStore
{
    private readonly IRunStore _store;
    private readonly StorageFaults _faults;
    private readonly IRunVault? _vault;
    private readonly DurableTraceSink? _trace;

    /// <summary>Creates the store.</summary>
    /// <param name="faults">Where failed writes are recorded.</param>
    /// <param name="vault">Turns stored tokens back into values; null when the store keeps payloads as given.</param>
    /// <param name="trace">
    /// The trace sink that batches runs (issue 15): checkpoints go through it, to be committed with their superstep's
    /// rows or skipped; null to store every checkpoint alone.
    /// </param>
    public DurableCheckpointStore(IRunStore store, StorageFaults faults, IRunVault? vault = null, DurableTraceSink? trace = null)
    {
        _trace = trace;
        _vault = vault;
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
            var record = new RunCheckpointRecord(checkpoint.CheckpointId, checkpoint.ParentId, checkpoint.Json, checkpoint.CreatedAt);
            if (_trace is null)
            {
                await _store.AppendCheckpointAsync(id, record, cancellationToken);
            }
            else
            {
                await _trace.SaveCheckpointAsync(id, record, cancellationToken);
            }
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
        var id = RunIds.Parse(runId);
        var record = await _store.GetCheckpointAsync(id, checkpointId, cancellationToken);
        return record is null ? null : new RunCheckpoint(record.CheckpointId, record.ParentId, await ClearAsync(id, record.Json, cancellationToken), record.CreatedAt);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<RunCheckpoint>> ListAsync(string runId, CancellationToken cancellationToken)
    {
        var id = RunIds.Parse(runId);
        var records = await _store.ListCheckpointsAsync(id, cancellationToken);
        var checkpoints = new List<RunCheckpoint>(records.Count);
        foreach (var r in records)
        {
            checkpoints.Add(new RunCheckpoint(r.CheckpointId, r.ParentId, await ClearAsync(id, r.Json, cancellationToken), r.CreatedAt));
        }

        return checkpoints;
    }

    private async Task<string> ClearAsync(Guid runId, string json, CancellationToken cancellationToken) =>
        _vault is null ? json : await _vault.DetokenizeJsonAsync(runId, json, cancellationToken);
}
