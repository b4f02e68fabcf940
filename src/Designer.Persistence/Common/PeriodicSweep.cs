namespace Designer.Persistence;

/// <summary>
/// The loop of the persistence module's background sweeps (retention, the PII re-scan, audit checkpoints): a failed
/// sweep (the database or disk briefly away) is reported and tried again at the next tick, so it never stops the host.
/// </summary>
internal static class PeriodicSweep
{
    /// <summary>Runs <paramref name="sweep"/> at every tick until it says it is done or the host stops.</summary>
    /// <param name="interval">Time between sweeps.</param>
    /// <param name="timeProvider">Clock of the timer.</param>
    /// <param name="runAtStart">Sweep once at start rather than first at the end of the first interval.</param>
    /// <param name="sweep">One sweep; true when there is nothing left to do ever (the loop ends).</param>
    /// <param name="failed">Reports a failed sweep.</param>
    /// <param name="stoppingToken">Stops the loop.</param>
    /// <returns>A task that ends with the loop.</returns>
    public static async Task RunAsync(
        TimeSpan interval, TimeProvider timeProvider, bool runAtStart, Func<CancellationToken, Task<bool>> sweep, Action<Exception> failed, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, timeProvider);
        if (!runAtStart && !await timer.WaitForNextTickAsync(stoppingToken))
        {
            return;
        }

        do
        {
            try
            {
                if (await sweep(stoppingToken))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
