using System.Collections.Concurrent;
using Designer.Runtime.Execution;

namespace Designer.Runtime.Tests.Fakes;

/// <summary>Test-only checkpoint store; production stores are durable (persistence layer).</summary>
internal sealed class InMemoryRunCheckpointStore : IRunCheckpointStore
{
    private readonly ConcurrentDictionary<string, List<RunCheckpoint>> _runs = new(StringComparer.Ordinal);

    public ValueTask SaveAsync(string runId, RunCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var list = _runs.GetOrAdd(runId, _ => []);
        lock (list)
        {
            list.Add(checkpoint);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<RunCheckpoint?> GetAsync(string runId, string checkpointId, CancellationToken cancellationToken)
    {
        if (!_runs.TryGetValue(runId, out var list))
        {
            return ValueTask.FromResult<RunCheckpoint?>(null);
        }

        lock (list)
        {
            return ValueTask.FromResult(list.FirstOrDefault(c => c.CheckpointId == checkpointId));
        }
    }

    public ValueTask<IReadOnlyList<RunCheckpoint>> ListAsync(string runId, CancellationToken cancellationToken)
    {
        if (!_runs.TryGetValue(runId, out var list))
        {
            return ValueTask.FromResult<IReadOnlyList<RunCheckpoint>>([]);
        }

        lock (list)
        {
            return ValueTask.FromResult<IReadOnlyList<RunCheckpoint>>([.. list]);
        }
    }
}
