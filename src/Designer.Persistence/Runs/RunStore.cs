using System.Text.Json.Nodes;
using Designer.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>EF Core implementation of <see cref="IRunStore"/> for SQLite and PostgreSQL.</summary>
public sealed partial class RunStore : IRunStore
{
    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;
    private readonly RunVault? _vault;
    private readonly IRunNotificationRouter? _notifications;

    /// <summary>Creates a store that writes payloads as given (no vault: tools and tests of the store itself).</summary>
    public RunStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider)
        : this(contextFactory, timeProvider, null)
    {
    }

    /// <summary>
    /// Creates a store that tokenises every payload of a run through <paramref name="vault"/> before it is written
    /// (input, output, error, checkpoints, trace, task instructions, evidence and decisions).
    /// </summary>
    /// <param name="vault">The run vault, or null to store payloads as given.</param>
    public RunStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider, RunVault? vault)
        : this(contextFactory, timeProvider, vault, null)
    {
    }

    /// <summary>
    /// Creates a store with a vault (see above) that also writes the notification outbox rows of every status change
    /// <paramref name="notifications"/> routes to a subscriber, in the change's transaction (issue 16).
    /// </summary>
    /// <param name="vault">The run vault, or null to store payloads as given.</param>
    /// <param name="notifications">Routes run events to subscribers, or null to write none.</param>
    public RunStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider, RunVault? vault, IRunNotificationRouter? notifications)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
        _vault = vault;
        _notifications = notifications;
    }

    /// <inheritdoc />
    public async Task<RunRecord> CreateRunAsync(NewRun run, Actor startedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(startedBy);
        var now = Clock.UtcNow(_timeProvider);
        var entity = new RunEntity
        {
            Id = run.Id ?? Guid.CreateVersion7(now),
            WorkflowId = run.WorkflowId,
            VersionNumber = run.VersionNumber,
            ContentHash = run.ContentHash,
            Status = RunStatus.Running,
            StartedById = startedBy.Id,
            StartedByName = startedBy.Name,
            StartedAt = now,
            Owner = run.Owner,
        };
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        // A new run has no vault entries yet: nothing to read.
        var vault = _vault?.OpenNew(db, entity.Id);
        entity.InputJson = vault?.TokenizeJson(run.InputJson) ?? run.InputJson;
        db.Runs.Add(entity);

        // Issue 14: the run row and its run.started entry are one transaction and one save (a refused insert — a
        // repeated batch id, a missing workflow — leaves no entry). The governance lock is taken anyway by the
        // write, so the cost over a plain insert is the head read and one more row.
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        await AuditChain.AppendAsync(db, startedBy, AuditActions.RunStarted, AuditActions.RunEntityType, entity.Id.ToString("D"),
            new JsonObject
            {
                ["workflowId"] = entity.WorkflowId.ToString("D"),
                ["version"] = entity.VersionNumber,
                ["trigger"] = run.Trigger ?? RunTriggers.Api,
            },
            now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return RunRecord.From(entity);
    }

    /// <inheritdoc />
    public Task<RunRecord?> CancelRunAsync(Guid id, IReadOnlyCollection<RunStatus> from, RunTransition transition, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(transition);
        ArgumentNullException.ThrowIfNull(actor);
        return WriteAsync(id, async (db, state) =>
        {
            // The cancel and its run.cancelled entry commit together; a cancel that does not apply writes nothing.
            await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
            var run = await db.Runs.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (run is null || !from.Contains(run.Status))
            {
                return null;
            }

            var previous = run.Status;
            await ApplyAsync(db, state, run, transition, cancellationToken);
            AddNotifications(db, run);
            await AuditChain.AppendAsync(db, actor, AuditActions.RunCancelled, AuditActions.RunEntityType, id.ToString("D"),
                new JsonObject
                {
                    ["workflowId"] = run.WorkflowId.ToString("D"),
                    ["version"] = run.VersionNumber,
                    ["from"] = previous.ToString(),
                },
                Clock.UtcNow(_timeProvider), cancellationToken);
            try
            {
                // Conditional on the concurrency token read above: a concurrent change makes this affect no row.
                await SaveAsync(db, state, cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return (RunRecord?)null;
            }

            await transaction.CommitAsync(cancellationToken);
            return RunRecord.From(run);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<RunRecord?> GetRunAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Runs.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null ? null : RunRecord.From(run);
    }

    /// <inheritdoc />
    public async Task<Page<RunRecord>> ListRunsAsync(RunQuery query, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        Paging.EnsureValid(page, pageSize);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var runs = db.Runs.AsNoTracking();
        if (query.WorkflowId is { } workflowId)
        {
            runs = runs.Where(r => r.WorkflowId == workflowId);
        }

        if (query.Status is { } status)
        {
            runs = runs.Where(r => r.Status == status);
        }

        if (query.VersionNumber is { } version)
        {
            runs = runs.Where(r => r.VersionNumber == version);
        }

        if (query.StartedFrom is { } from)
        {
            runs = runs.Where(r => r.StartedAt >= from);
        }

        if (query.StartedBefore is { } before)
        {
            runs = runs.Where(r => r.StartedAt < before);
        }

        var total = await runs.LongCountAsync(cancellationToken);
        var items = await runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id)
            .Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<RunRecord>([.. items.Select(RunRecord.From)], page, pageSize, total);
    }

    /// <inheritdoc />
    public Task<RunRecord?> TransitionAsync(Guid id, IReadOnlyCollection<RunStatus> from, RunTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(transition);
        return WriteAsync(id, async (db, state) =>
        {
            var run = await db.Runs.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (run is null || !from.Contains(run.Status))
            {
                return null;
            }

            await ApplyAsync(db, state, run, transition, cancellationToken);
            AddNotifications(db, run);

            try
            {
                // Conditional on the concurrency token read above: a concurrent change makes this affect no row.
                await SaveAsync(db, state, cancellationToken);
                return RunRecord.From(run);
            }
            catch (DbUpdateConcurrencyException)
            {
                return (RunRecord?)null;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task MarkHumanDecidedAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Runs.Where(r => r.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HumanDecided, true).SetProperty(r => r.ConcurrencyToken, Guid.NewGuid()), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RunRecord>> ClaimOrphanedRunsAsync(string owner, IReadOnlyCollection<string> liveOwners, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(liveOwners);
        var live = liveOwners.ToList();
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Runs.AsNoTracking()
            .Where(r => (r.Status == RunStatus.Running && (r.Owner == null || !live.Contains(r.Owner)))
                || (r.Status == RunStatus.WaitingForHuman && !db.HumanTasks.Any(t => t.RunId == r.Id && t.Status == HumanTaskStatus.Pending)))
            .OrderBy(r => r.StartedAt)
            .Take(max)
            .Select(r => new { r.Id, r.Status, r.ConcurrencyToken })
            .ToListAsync(cancellationToken);
        var claimed = new List<RunRecord>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var updated = await db.Runs
                .Where(r => r.Id == candidate.Id && r.Status == candidate.Status && r.ConcurrencyToken == candidate.ConcurrencyToken)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(r => r.Owner, owner)
                        .SetProperty(r => r.Status, RunStatus.Running)
                        .SetProperty(r => r.ConcurrencyToken, Guid.NewGuid()),
                    cancellationToken);
            if (updated == 1)
            {
                claimed.Add(RunRecord.From(await db.Runs.AsNoTracking().SingleAsync(r => r.Id == candidate.Id, cancellationToken)));
            }
        }

        return claimed;
    }

    /// <summary>Sets the transition's fields on a tracked run (values tokenised through the run's vault).</summary>
    private async Task ApplyAsync(DesignerDbContext db, RunWriteState? state, RunEntity run, RunTransition transition, CancellationToken cancellationToken)
    {
        var vault = transition.OutputJson is null && transition.Error is null ? null : await VaultAsync(db, run.Id, state, cancellationToken);
        run.Status = transition.To;
        run.OutputJson = (vault is null ? transition.OutputJson : vault.TokenizeJson(transition.OutputJson)) ?? run.OutputJson;
        run.EndNode = transition.EndNode ?? run.EndNode;
        run.Error = (vault is null ? transition.Error : vault.TokenizeText(transition.Error)) ?? run.Error;
        run.Cost += transition.AddCost;
        run.Owner = transition.Owner ?? run.Owner;
        if (RunStatuses.IsTerminal(transition.To))
        {
            run.EndedAt = Clock.UtcNow(_timeProvider);
        }
    }

    private async Task<RunVaultSession?> OpenVaultAsync(DesignerDbContext db, Guid runId, CancellationToken cancellationToken) =>
        _vault is null ? null : await _vault.OpenAsync(db, runId, readOnly: false, cancellationToken);
}
