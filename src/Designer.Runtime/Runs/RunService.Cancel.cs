using Designer.Hosting;
using Designer.Persistence;

namespace Designer.Runtime.Runs;

// Cancel and the compensations cancelled runs owe (issue 16); the cancel is audited with the change (issue 14).
public sealed partial class RunService
{
    /// <summary>Cancels a running or waiting run and its pending tasks.</summary>
    /// <param name="actor">The operator; the <c>run.cancelled</c> audit entry commits with the cancel.</param>
    /// <returns>The run as it stands after the cancel; NotFound, or Conflict when it has already ended.</returns>
    public async Task<OperationResult<RunRecord>> CancelAsync(Guid runId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var cancelled = await _runs.CancelRunAsync(runId, FromActive, new RunTransition(RunStatus.Cancelled, Error: "Cancelled by an operator."), actor, cancellationToken);
        if (cancelled is null)
        {
            var run = await _runs.GetRunAsync(runId, cancellationToken);
            return run is null
                ? OperationError.NotFound($"Run {runId} does not exist.")
                : OperationError.Conflict($"Run {runId} has already ended ({run.Status}).");
        }

        await _runs.CancelPendingTasksAsync(runId, CancellationToken.None);
        _host.Cancel(runId);
        if (_compensator is not null)
        {
            _ = Task.Run(() => CompensateAfterCancelAsync(runId), CancellationToken.None);
        }

        return cancelled;
    }

    /// <summary>
    /// Queues the compensations that runs cancelled in the last <see cref="CancelledCompensationWindow"/> (by start
    /// time) still owe — a host stopped between an operator's cancel and its compensation. Runs once at start-up: it
    /// reads the trace of each cancelled run whose version declares a compensation; a call already recorded is not
    /// sent again.
    /// </summary>
    /// <param name="cancellationToken">Cancels the sweep (not the queued work).</param>
    /// <returns>How many cancelled runs were looked at.</returns>
    public async Task<int> CompensateCancelledAsync(CancellationToken cancellationToken)
    {
        if (_compensator is null)
        {
            return 0;
        }

        var query = new RunQuery(Status: RunStatus.Cancelled, StartedFrom: _time.GetUtcNow() - CancelledCompensationWindow);
        var seen = 0;
        for (var page = 1; ; page++)
        {
            var runs = await _runs.ListRunsAsync(query, page, Paging.MaxPageSize, cancellationToken);
            foreach (var run in runs.Items)
            {
                // A version read per workflow version (cached), rather than a trace read per cancelled run.
                if (!Actions.RunCompensator.CanCompensate((await CompileRunAsync(run, cancellationToken)).Definition))
                {
                    continue;
                }

                var id = run.Id;
                Execute(id, async token =>
                {
                    await _compensator.CompensateAsync(id, "cancelled", token);
                    _trace.TakeCost(id);
                });
            }

            seen += runs.Items.Count;
            if (runs.Items.Count < Paging.MaxPageSize)
            {
                return seen;
            }
        }
    }

    /// <summary>
    /// Queues the compensation of a cancelled run once its cancelled work has finished: that work's token is spent,
    /// and it may still be writing the trace the compensation reads.
    /// </summary>
    private async Task CompensateAfterCancelAsync(Guid runId)
    {
        await _host.WhenIdleAsync(runId);
        Execute(runId, async token =>
        {
            await _compensator!.CompensateAsync(runId, "cancelled", token);
            _trace.TakeCost(runId);
        });
    }
}
