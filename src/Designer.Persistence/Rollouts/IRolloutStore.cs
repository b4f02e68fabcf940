using Designer.Hosting;

namespace Designer.Persistence;

/// <summary>
/// Rollouts of approved versions (issue 13): at most one open (running or needs-decision) per workflow; every state
/// change and the activation it implies commit with their audit entries in one governance transaction.
/// </summary>
public interface IRolloutStore
{
    /// <summary>
    /// Starts a rollout. The candidate must be Published; the baseline is the active version (or, when the candidate
    /// itself is active, the newest other Published version, which is re-activated, audited). NotFound, InvalidState
    /// (unapproved candidate, nothing to compare with) or Conflict (another rollout open).
    /// </summary>
    Task<OperationResult<RolloutRecord>> StartAsync(NewRollout rollout, Actor actor, CancellationToken cancellationToken);

    /// <summary>The workflow's newest rollout, or null.</summary>
    Task<RolloutRecord?> GetLatestAsync(Guid workflowId, CancellationToken cancellationToken);

    /// <summary>The workflow's open rollout, or null (read at every run start).</summary>
    Task<RolloutRecord?> GetOpenAsync(Guid workflowId, CancellationToken cancellationToken);

    /// <summary>Every open rollout (for the guard service).</summary>
    Task<IReadOnlyList<RolloutRecord>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Ends or pauses an open rollout: <see cref="RolloutStates.Promoted"/> also activates the candidate;
    /// <see cref="RolloutStates.NeedsDecision"/> only from running. Audited with the reason. NotFound or InvalidState
    /// (already final, or the candidate is no longer Published).
    /// </summary>
    Task<OperationResult<RolloutRecord>> EndAsync(Guid rolloutId, string state, string reason, Actor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Rolls an open rollout back because <paramref name="breach"/> was breached, like <see cref="EndAsync"/> with
    /// <see cref="RolloutStates.RolledBack"/>; the audit entry names the guard and the people notified (the
    /// candidate's approver and the rollout's starter), and a <see cref="NotificationEventTypes.RolloutRolledBack"/>
    /// event is queued for the workflow's subscribers in the same transaction.
    /// </summary>
    Task<OperationResult<RolloutRecord>> RollBackAsync(Guid rolloutId, RolloutBreach breach, string reason, Actor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Rollouts rolled back since <paramref name="since"/> that concern <paramref name="userId"/> (they approved the
    /// rolled-back version or started the rollout), newest first, at most <paramref name="max"/>.
    /// </summary>
    Task<IReadOnlyList<RolloutRecord>> ListRolledBackForUserAsync(string userId, DateTimeOffset since, int max, CancellationToken cancellationToken);

    /// <summary>Live numbers per side since the rollout started (shadow: the candidate side from the mirrored cases).</summary>
    Task<IReadOnlyList<RolloutSideStats>> GetStatsAsync(RolloutRecord rollout, CancellationToken cancellationToken);

    /// <summary>Stores one mirrored input's shadow result (once per run; a repeat is ignored).</summary>
    Task RecordShadowCaseAsync(RolloutShadowCaseRecord shadowCase, CancellationToken cancellationToken);

    /// <summary>Fills in the live outcome and flip of shadow cases whose live run has finished; returns how many.</summary>
    Task<int> CompareShadowCasesAsync(Guid rolloutId, CancellationToken cancellationToken);

    /// <summary>A rollout's shadow cases, oldest first.</summary>
    Task<IReadOnlyList<RolloutShadowCaseRecord>> ListShadowCasesAsync(Guid rolloutId, CancellationToken cancellationToken);

    /// <summary>
    /// Queues a live run for its shadow run (durably; a repeat for the same rollout and run is ignored). Returns false
    /// when it was already queued.
    /// </summary>
    Task<bool> EnqueueMirrorAsync(RolloutRecord rollout, Guid runId, CancellationToken cancellationToken);

    /// <summary>Drops the oldest queued mirrors beyond <paramref name="capacity"/>; returns how many were dropped.</summary>
    Task<int> TrimMirrorsAsync(int capacity, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> queued mirrors, oldest first, whose lease is free or expired, for
    /// <paramref name="lease"/>; each claim counts as an attempt. Of two workers racing for a row exactly one gets it.
    /// </summary>
    Task<IReadOnlyList<RolloutMirrorRecord>> ClaimMirrorsAsync(string owner, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Removes a processed mirror still leased by <paramref name="owner"/>; false if the lease was lost.</summary>
    Task<bool> CompleteMirrorAsync(Guid id, string owner, CancellationToken cancellationToken);

    /// <summary>How many mirrors are queued.</summary>
    Task<int> CountMirrorsAsync(CancellationToken cancellationToken);
}
