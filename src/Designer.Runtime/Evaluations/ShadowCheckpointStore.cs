using System.Collections.Concurrent;
using Designer.Runtime.Execution;

namespace Designer.Runtime.Evaluations;

/// <summary>
/// Checkpoints of shadow runs, in memory only: a shadow run is short and is simply re-run from its input after a
/// crash (the evaluation job persists finished cases, not half-run ones).
/// </summary>
internal sealed class ShadowCheckpointStore : IRunCheckpointStore
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RunCheckpoint>> _runs = new(StringComparer.Ordinal);

    public ValueTask SaveAsync(string runId, RunCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        _runs.GetOrAdd(runId, _ => new ConcurrentQueue<RunCheckpoint>()).Enqueue(checkpoint);
        return ValueTask.CompletedTask;
    }

    public ValueTask<RunCheckpoint?> GetAsync(string runId, string checkpointId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_runs.TryGetValue(runId, out var list) ? list.FirstOrDefault(c => c.CheckpointId == checkpointId) : null);

    public ValueTask<IReadOnlyList<RunCheckpoint>> ListAsync(string runId, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<RunCheckpoint>>(_runs.TryGetValue(runId, out var list) ? [.. list] : []);

    public void Forget(string runId) => _runs.TryRemove(runId, out _);
}
