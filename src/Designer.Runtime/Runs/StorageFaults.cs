using System.Collections.Concurrent;

namespace Designer.Runtime.Runs;

/// <summary>
/// Runs whose execution hit a failing storage write in this process. Such a run is never reported done: it becomes
/// Interrupted when that write can be recorded (Running otherwise), and the recovery sweep resumes it from its newest
/// checkpoint once storage answers again.
/// </summary>
public sealed class StorageFaults
{
    private readonly ConcurrentDictionary<Guid, string> _failed = new();
    private readonly ConcurrentDictionary<Guid, byte> _suspended = new();

    /// <summary>Records that a write of the run failed.</summary>
    public void Mark(Guid runId, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _failed[runId] = error.Message;
    }

    /// <summary>The failure recorded for the run since the last call, if any.</summary>
    /// <returns>The message, or null.</returns>
    public string? Take(Guid runId) => _failed.TryRemove(runId, out var message) ? message : null;

    /// <summary>Holds the run for the next recovery sweep.</summary>
    public void Suspend(Guid runId) => _suspended[runId] = 0;

    /// <summary>Takes every held run.</summary>
    /// <returns>The run ids.</returns>
    public IReadOnlyList<Guid> TakeSuspended()
    {
        var ids = _suspended.Keys.ToList();
        foreach (var id in ids)
        {
            _suspended.TryRemove(id, out _);
        }

        return ids;
    }
}
