using Designer.Runtime.Tracing;

namespace Designer.Web.Runs;

/// <summary>
/// Waits, up to a deadline, until a run has settled: ended (completed, faulted, cancelled, interrupted) or parked at a
/// human gate, where waiting longer would only hold a connection for a person. Runs hosted in this process wake the
/// waiter through the trace push within a millisecond of each committed row; a short poll covers runs another silo
/// hosts and the status write that follows the last row.
/// </summary>
internal static class RunCompletion
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The run as last read: settled, or still running when the wait ran out.</summary>
    /// <param name="runId">The run.</param>
    /// <param name="wait">How long to wait at most.</param>
    /// <param name="store">The run store.</param>
    /// <param name="notifier">The trace push.</param>
    /// <param name="time">The clock for the deadline and the poll.</param>
    /// <param name="cancellationToken">The caller went away.</param>
    /// <returns>The run, or null if it does not exist.</returns>
    public static async Task<RunRecord?> WaitAsync(
        Guid runId, TimeSpan wait, IRunStore store, ITraceNotifier notifier, TimeProvider time, CancellationToken cancellationToken)
    {
        // Subscribe before the first read, so a row committed in between still wakes the loop.
        using var subscription = notifier.Subscribe(runId);
        var deadline = time.GetTimestamp() + (long)(wait.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            var run = await store.GetRunAsync(runId, cancellationToken);
            var left = TimeSpan.FromSeconds((double)(deadline - time.GetTimestamp()) / time.TimestampFrequency);
            if (run is null || Settled(run) || left <= TimeSpan.Zero)
            {
                return run;
            }

            using var tick = new CancellationTokenSource(left < PollInterval ? left : PollInterval, time);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, tick.Token);
            try
            {
                await subscription.Reader.WaitToReadAsync(either.Token);
                while (subscription.Reader.TryRead(out _))
                {
                    // Only the wake-up matters; the run is read from the store.
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The poll interval (or the deadline) passed.
            }
        }
    }

    /// <summary>Whether waiting longer could change the answer without a person acting.</summary>
    /// <param name="run">The run.</param>
    /// <returns>True when ended or waiting for a human.</returns>
    public static bool Settled(RunRecord run) => run.IsTerminal || run.Status == RunStatus.WaitingForHuman;
}
