using Designer.Runtime.Runs;

namespace Designer.Web.Runs;

/// <summary>
/// Waits, up to a deadline, until a run has settled: ended (completed, faulted, cancelled, interrupted) or parked at a
/// human gate, where waiting longer would only hold a connection for a person. A run executing in this process wakes
/// the waiter when its work ends, which is after its status change committed, so the run is read twice, not once per
/// trace row (issue 15: the per-row reads and a 100 ms poll for the final status write were most of a synchronous
/// run's latency). A short poll covers runs another silo executes.
/// </summary>
internal static class RunCompletion
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The run as last read: settled, or still running when the wait ran out.</summary>
    /// <param name="wait">How long to wait at most.</param>
    /// <param name="host">The run work executing in this process.</param>
    /// <param name="time">The clock for the deadline and the poll.</param>
    /// <param name="cancellationToken">The caller went away.</param>
    /// <returns>The run, or null if it does not exist.</returns>
    public static async Task<RunRecord?> WaitAsync(
        Guid runId, TimeSpan wait, IRunStore store, RunExecutionHost host, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp() + (long)(wait.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            // Taken before the read: work that ends in between has committed what the read then sees.
            var idle = host.WhenIdleAsync(runId);
            var run = await store.GetRunAsync(runId, cancellationToken);
            var left = TimeSpan.FromSeconds((double)(deadline - time.GetTimestamp()) / time.TimestampFrequency);
            if (run is null || Settled(run) || left <= TimeSpan.Zero)
            {
                return run;
            }

            try
            {
                // Executing here: wake when its work ends. Elsewhere (or not queued yet): poll.
                await (idle.IsCompleted ? Task.Delay(left < PollInterval ? left : PollInterval, time, cancellationToken)
                    : idle.WaitAsync(left, time, cancellationToken));
            }
            catch (TimeoutException)
            {
                // The deadline passed; the next read is the answer.
            }
        }
    }

    /// <summary>Whether waiting longer could change the answer without a person acting.</summary>
    /// <returns>True when ended or waiting for a human.</returns>
    public static bool Settled(RunRecord run) => run.IsTerminal || run.Status == RunStatus.WaitingForHuman;
}
