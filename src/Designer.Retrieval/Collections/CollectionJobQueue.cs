using Designer.Hosting;

namespace Designer.Retrieval.Collections;

/// <summary>Wakes the job worker when a job is queued, and lets a cancel request reach the job running in this process.</summary>
public sealed class CollectionJobQueue : WakeSignal
{
    private readonly Lock _lock = new();
    private (Guid Id, CancellationTokenSource Source)? _running;

    /// <summary>Cancels <paramref name="jobId"/> if it is the job running here.</summary>
    public void CancelRunning(Guid jobId)
    {
        lock (_lock)
        {
            if (_running is { } running && running.Id == jobId)
            {
                running.Source.Cancel();
            }
        }
    }

    internal void SetRunning(Guid jobId, CancellationTokenSource source)
    {
        lock (_lock)
        {
            _running = (jobId, source);
        }
    }

    internal void ClearRunning()
    {
        lock (_lock)
        {
            _running = null;
        }
    }
}
