using Designer.Persistence;

namespace Designer.Runtime.Runs;

public sealed partial class RunService
{
    /// <summary>
    /// Ends a run with its last buffered trace rows in the same transaction (issue 15). When that write fails the run
    /// is treated like one whose write failed mid-way: Interrupted, resumed from its newest stored checkpoint by the
    /// next sweep, which writes the rows again.
    /// </summary>
    private async Task FinishAsync(Guid runId, RunTransition transition)
    {
        var rows = _trace.TakeRows(runId);
        if (rows.Count == 0)
        {
            await _runs.TransitionAsync(runId, FromRunning, transition, CancellationToken.None);
            return;
        }

        RunTraceTransition done;
        try
        {
            done = await _runs.TransitionWithTraceAsync(runId, FromRunning, transition, rows, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _faults.Suspend(runId);
            await _runs.TransitionAsync(runId, FromRunning, new RunTransition(RunStatus.Interrupted, Error: $"A storage write failed: {ex.Message}"), CancellationToken.None);
            return;
        }

        _trace.Publish(done.Trace);
    }
}
