using System.Text.Json.Nodes;
using Designer.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>EF Core implementation of <see cref="IRolloutStore"/> for SQLite and PostgreSQL.</summary>
public sealed partial class RolloutStore : IRolloutStore
{
    private static readonly string[] OpenStates = [RolloutStates.Running, RolloutStates.NeedsDecision];
    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;
    private readonly IRunNotificationRouter? _notifications;

    /// <summary>Creates a store that queues no notification.</summary>
    /// <param name="timeProvider">Supplies timestamps and version 7 ids.</param>
    public RolloutStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider)
        : this(contextFactory, timeProvider, null)
    {
    }

    /// <summary>
    /// Creates a store that also queues a <see cref="NotificationEventTypes.RolloutRolledBack"/> outbox row for each
    /// subscriber <paramref name="notifications"/> routes it to, in the rollback's transaction.
    /// </summary>
    /// <param name="timeProvider">Supplies timestamps and version 7 ids.</param>
    /// <param name="notifications">Routes events to subscribers, or null to queue none.</param>
    public RolloutStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider, IRunNotificationRouter? notifications)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
        _notifications = notifications;
    }

    /// <inheritdoc />
    public async Task<OperationResult<RolloutRecord>> StartAsync(NewRollout rollout, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await AuditedChange.RunAsync(db, _timeProvider, async token =>
        {
            // Read after the governance lock, so two concurrent starts cannot both see "none open".
            var workflow = await db.Workflows.SingleOrDefaultAsync(w => w.Id == rollout.WorkflowId, token);
            var candidate = workflow is null
                ? null
                : await db.WorkflowVersions.AsNoTracking().SingleOrDefaultAsync(v => v.WorkflowId == rollout.WorkflowId && v.Number == rollout.CandidateVersion, token);
            if (workflow is null || candidate is null)
            {
                return Refuse(OperationErrorKind.NotFound, $"Workflow {rollout.WorkflowId} has no version {rollout.CandidateVersion}.");
            }

            if (candidate.Status != VersionStatus.Published)
            {
                return Refuse(OperationErrorKind.InvalidState, $"Version {rollout.CandidateVersion} is {candidate.Status}; only an approved (published) version can be rolled out.");
            }

            if (await db.Rollouts.AsNoTracking().FirstOrDefaultAsync(r => r.WorkflowId == rollout.WorkflowId && OpenStates.Contains(r.State), token) is { } open)
            {
                return Refuse(OperationErrorKind.Conflict, $"Rollout {open.Id} of version {open.CandidateVersion} is still {open.State}; promote or abort it first.");
            }

            // Approval activates a version, so a freshly approved candidate is usually active already: the rollout
            // then puts the newest other published version back in front and splits from there.
            var entries = new List<AuditDraft>();
            var baseline = workflow.ActiveVersion;
            if (baseline is null || baseline == rollout.CandidateVersion)
            {
                baseline = await db.WorkflowVersions.AsNoTracking()
                    .Where(v => v.WorkflowId == rollout.WorkflowId && v.Number != rollout.CandidateVersion && v.Status == VersionStatus.Published)
                    .MaxAsync(v => (int?)v.Number, token);
                if (baseline is null)
                {
                    return Refuse(OperationErrorKind.InvalidState, $"Workflow {rollout.WorkflowId} has no other approved version to compare version {rollout.CandidateVersion} with.");
                }

                entries.Add(Activation(workflow, baseline.Value, actor, "rollout baseline", Clock.UtcNow(_timeProvider)));
            }

            var now = Clock.UtcNow(_timeProvider);
            var entity = new RolloutEntity
            {
                Id = Guid.CreateVersion7(now),
                WorkflowId = rollout.WorkflowId,
                CandidateVersion = rollout.CandidateVersion,
                BaselineVersion = baseline.Value,
                Mode = rollout.Mode,
                Percent = rollout.Percent,
                Window = rollout.Window,
                MinRuns = rollout.MinRuns,
                MaxWrongRate = rollout.Guards.MaxWrongRate,
                MaxEscalationRate = rollout.Guards.MaxEscalationRate,
                MaxDegradedRate = rollout.Guards.MaxDegradedRate,
                P95LatencyMs = rollout.Guards.P95LatencyMs,
                State = RolloutStates.Running,
                StartedById = actor.Id,
                StartedByName = actor.Name,
                StartedAt = now,
                WindowEnd = now + rollout.WindowLength,
            };
            db.Rollouts.Add(entity);
            var data = Data(entity);
            data["window"] = rollout.Window;
            data["minRuns"] = rollout.MinRuns;
            data["guards"] = new JsonObject
            {
                ["maxWrongRate"] = rollout.Guards.MaxWrongRate,
                ["maxEscalationRate"] = rollout.Guards.MaxEscalationRate,
                ["maxDegradedRate"] = rollout.Guards.MaxDegradedRate,
                ["p95LatencyMs"] = rollout.Guards.P95LatencyMs,
            };
            entries.Add(new AuditDraft(actor, RolloutAuditActions.Started, AuditActions.WorkflowEntityType, rollout.WorkflowId.ToString("D"), data));
            return new AuditedOutcome<OperationResult<RolloutRecord>>(OperationResults.Success(RolloutRecord.From(entity)), entries);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RolloutRecord?> GetLatestAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Rollouts.AsNoTracking().Where(r => r.WorkflowId == workflowId)
            .OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : RolloutRecord.From(row);
    }

    /// <inheritdoc />
    public async Task<RolloutRecord?> GetOpenAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Rollouts.AsNoTracking().FirstOrDefaultAsync(r => r.WorkflowId == workflowId && OpenStates.Contains(r.State), cancellationToken);
        return row is null ? null : RolloutRecord.From(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RolloutRecord>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Rollouts.AsNoTracking().Where(r => OpenStates.Contains(r.State)).OrderBy(r => r.StartedAt).ToListAsync(cancellationToken);
        return rows.ConvertAll(RolloutRecord.From);
    }

    /// <inheritdoc />
    public Task<OperationResult<RolloutRecord>> EndAsync(Guid rolloutId, string state, string reason, Actor actor, CancellationToken cancellationToken) =>
        EndCoreAsync(rolloutId, state, reason, null, actor, cancellationToken);

    /// <inheritdoc />
    public Task<OperationResult<RolloutRecord>> RollBackAsync(Guid rolloutId, RolloutBreach breach, string reason, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(breach);
        return EndCoreAsync(rolloutId, RolloutStates.RolledBack, reason, breach, actor, cancellationToken);
    }

    private async Task<OperationResult<RolloutRecord>> EndCoreAsync(
        Guid rolloutId, string state, string reason, RolloutBreach? breach, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(actor);
        var action = state switch
        {
            RolloutStates.Promoted => RolloutAuditActions.Promoted,
            RolloutStates.RolledBack => RolloutAuditActions.RolledBack,
            RolloutStates.Aborted => RolloutAuditActions.Aborted,
            RolloutStates.NeedsDecision => RolloutAuditActions.NeedsDecision,
            _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a state a rollout can move to."),
        };
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            return await AuditedChange.RunAsync(db, _timeProvider, async token =>
            {
                var row = await db.Rollouts.SingleOrDefaultAsync(r => r.Id == rolloutId, token);
                if (row is null)
                {
                    return Refuse(OperationErrorKind.NotFound, $"Rollout {rolloutId} does not exist.");
                }

                if (!RolloutStates.IsOpen(row.State) || (state == RolloutStates.NeedsDecision && row.State != RolloutStates.Running))
                {
                    return Refuse(OperationErrorKind.InvalidState, $"Rollout {rolloutId} is {row.State}{(row.Reason is null ? string.Empty : $" ({row.Reason})")}; it cannot become {state}.");
                }

                var entries = new List<AuditDraft>();
                if (state == RolloutStates.Promoted)
                {
                    var workflow = await db.Workflows.SingleAsync(w => w.Id == row.WorkflowId, token);
                    var published = await db.WorkflowVersions.AsNoTracking()
                        .AnyAsync(v => v.WorkflowId == row.WorkflowId && v.Number == row.CandidateVersion && v.Status == VersionStatus.Published, token);
                    if (!published)
                    {
                        return Refuse(OperationErrorKind.InvalidState, $"Version {row.CandidateVersion} is no longer published.");
                    }

                    if (workflow.ActiveVersion != row.CandidateVersion)
                    {
                        entries.Add(Activation(workflow, row.CandidateVersion, actor, "rollout promoted", Clock.UtcNow(_timeProvider)));
                    }
                }

                var now = Clock.UtcNow(_timeProvider);
                row.State = state;
                row.Reason = reason;
                if (state != RolloutStates.NeedsDecision)
                {
                    row.EndedAt = now;
                }

                var data = Data(row);
                data["reason"] = reason;
                if (state == RolloutStates.RolledBack)
                {
                    // The approver and the starter learn of it from the same transaction as the rollback itself.
                    await AddRollbackNotificationsAsync(db, row, breach, data, now, token);
                }

                entries.Add(new AuditDraft(actor, action, AuditActions.WorkflowEntityType, row.WorkflowId.ToString("D"), data));
                return new AuditedOutcome<OperationResult<RolloutRecord>>(OperationResults.Success(RolloutRecord.From(row)), entries);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResults.Failure<RolloutRecord>(OperationErrorKind.Conflict, "The rollout was changed concurrently; reload and try again.");
        }
    }

    private static AuditedOutcome<OperationResult<RolloutRecord>> Refuse(OperationErrorKind kind, string message) =>
        AuditedRowChange.Refuse<RolloutRecord>(kind, message);

    private static AuditDraft Activation(WorkflowEntity workflow, int number, Actor actor, string why, DateTimeOffset now)
    {
        var previous = workflow.ActiveVersion;
        workflow.ActiveVersion = number;
        workflow.UpdatedAt = now;
        var data = new JsonObject { ["version"] = number, ["previousActiveVersion"] = previous, ["reason"] = why };
        return new AuditDraft(actor, AuditActions.VersionActivated, AuditActions.WorkflowEntityType, workflow.Id.ToString("D"), data);
    }

    private static JsonObject Data(RolloutEntity row) => new()
    {
        ["rolloutId"] = row.Id.ToString("D"),
        ["mode"] = row.Mode,
        ["percent"] = row.Percent,
        ["candidateVersion"] = row.CandidateVersion,
        ["baselineVersion"] = row.BaselineVersion,
    };
}
