namespace Designer.Hosting;

/// <summary>
/// Wakes a polling background worker early: the worker waits for the signal or its poll interval, whichever comes
/// first, and any number of wake-ups before it looks again collapse into one (it reads all pending work each time).
/// </summary>
public class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Wakes the worker; a no-op when it is already signalled.</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; the worker looks once for all of them.
        }
        catch (ObjectDisposedException)
        {
            // The host is stopping; nobody waits any more.
        }
    }

    /// <summary>Waits for <see cref="Wake"/> or the poll interval.</summary>
    /// <param name="timeout">The poll interval.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>True when woken, false when the interval passed.</returns>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    /// <summary>
    /// The next job of a worker that takes one job at a time: asks <paramref name="next"/>, and while it has none,
    /// sleeps until woken or the poll interval passes. A failing poll (the database migrating or briefly away) is
    /// reported and retried after the interval.
    /// </summary>
    /// <typeparam name="T">The job type.</typeparam>
    /// <param name="next">Reads the next unfinished job, or null.</param>
    /// <param name="pollInterval">How long to sleep when there is none.</param>
    /// <param name="pollFailed">Reports a failed poll.</param>
    /// <param name="stoppingToken">The host is stopping.</param>
    /// <returns>The job, or null once the host stops.</returns>
    public async Task<T?> NextAsync<T>(
        Func<CancellationToken, Task<T?>> next, TimeSpan pollInterval, Action<Exception> pollFailed, CancellationToken stoppingToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(pollFailed);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await next(stoppingToken) is { } job)
                {
                    return job;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                pollFailed(ex);
            }

            try
            {
                await WaitAsync(pollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the semaphore.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _wake.Dispose();
        }
    }
}
