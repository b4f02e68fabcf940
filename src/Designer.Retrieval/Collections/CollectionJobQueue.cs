namespace Designer.Retrieval.Collections;

/// <summary>Wakes the job worker when a job is queued, and lets a cancel request reach the job running in this process.</summary>
public sealed class CollectionJobQueue
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _lock = new();
    private (Guid Id, CancellationTokenSource Source)? _running;

    /// <summary>Wakes the worker (extra wake-ups collapse into one).</summary>
    public void Notify()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; the worker will look once for all of them.
        }
    }

    /// <summary>Waits for <see cref="Notify"/> or the poll interval.</summary>
    /// <param name="timeout">The poll interval.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes on either.</returns>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    /// <summary>Cancels <paramref name="jobId"/> if it is the job running here.</summary>
    /// <param name="jobId">The job.</param>
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
