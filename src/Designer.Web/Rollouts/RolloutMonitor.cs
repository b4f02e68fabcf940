namespace Designer.Web.Rollouts;

/// <summary>
/// Checks open rollouts against their guards and acts: a breach rolls back (every new run to the baseline), the
/// window end promotes or pauses for a person. Each change is audited by the store in its transaction; a rollback
/// also queues a <c>rollout.rolled_back</c> notification for the workflow's subscribers in that transaction (the
/// approver and the starter see it in their inbox too) and is logged as a warning.
/// </summary>
public sealed class RolloutMonitor
{
    /// <summary>The actor of automatic rollout changes.</summary>
    public static readonly Actor GuardActor = new("system:rollout-guard", "Rollout guard");

    private readonly IRolloutStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<RolloutMonitor> _logger;

    /// <summary>Creates the monitor.</summary>
    /// <param name="time">The clock (window ends).</param>
    /// <param name="logger">Logs automatic changes.</param>
    public RolloutMonitor(IRolloutStore store, TimeProvider time, ILogger<RolloutMonitor> logger)
    {
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>Checks every open rollout once.</summary>
    /// <returns>The rollouts whose state changed.</returns>
    public async Task<IReadOnlyList<RolloutRecord>> CheckAllAsync(CancellationToken cancellationToken)
    {
        var changed = new List<RolloutRecord>();
        foreach (var rollout in await _store.ListOpenAsync(cancellationToken))
        {
            if (await CheckAsync(rollout, cancellationToken) is { } after)
            {
                changed.Add(after);
            }
        }

        return changed;
    }

    /// <summary>Checks one rollout; returns it after a state change, else null.</summary>
    /// <param name="rollout">An open rollout.</param>
    /// <returns>The changed rollout, or null.</returns>
    public async Task<RolloutRecord?> CheckAsync(RolloutRecord rollout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        if (rollout.Mode == RolloutModes.Shadow)
        {
            await _store.CompareShadowCasesAsync(rollout.Id, cancellationToken);
        }

        var stats = await _store.GetStatsAsync(rollout, cancellationToken);
        var verdict = RolloutJudge.Judge(rollout, stats[1], stats[0], _time.GetUtcNow());
        if (verdict.State is not { } state)
        {
            return null;
        }

        var result = state == RolloutStates.RolledBack && verdict.Breach is { } breach
            ? await _store.RollBackAsync(rollout.Id, new RolloutBreach(breach.Name, breach.Value, breach.Limit), verdict.Reason!, GuardActor, cancellationToken)
            : await _store.EndAsync(rollout.Id, state, verdict.Reason!, GuardActor, cancellationToken);
        if (!result.IsSuccess)
        {
            // Promoted or aborted by hand meanwhile: the person's change stands.
            return null;
        }

        if (state == RolloutStates.RolledBack)
        {
            _logger.LogWarning("Rollout {RolloutId} of workflow {WorkflowId} v{Candidate} rolled back to v{Baseline}: {Reason} (started by {StartedBy}).",
                rollout.Id, rollout.WorkflowId, rollout.CandidateVersion, rollout.BaselineVersion, verdict.Reason, rollout.StartedByName);
        }
        else if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Rollout {RolloutId} of workflow {WorkflowId} v{Candidate}: {State} ({Reason}).",
                rollout.Id, rollout.WorkflowId, rollout.CandidateVersion, state, verdict.Reason);
        }

        return result.Value;
    }
}
