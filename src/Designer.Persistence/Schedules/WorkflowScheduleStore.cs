using System.Text.Json.Nodes;
using Designer.Hosting;
using Designer.Persistence.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>
/// EF Core implementation of <see cref="IWorkflowScheduleStore"/> for SQLite and PostgreSQL. A schedule's fixed run
/// input may name a customer, so it is stored encrypted with Data Protection (the key ring every host shares).
/// </summary>
public sealed class WorkflowScheduleStore : IWorkflowScheduleStore
{
    private const string Purpose = "Designer.Schedules.v1";

    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;
    private readonly IDataProtector? _protector;

    /// <summary>Creates the store.</summary>
    /// <param name="timeProvider">Supplies timestamps and version 7 ids.</param>
    /// <param name="protection">Encrypts the fixed inputs; null (stores without a key ring) keeps them as given.</param>
    public WorkflowScheduleStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider, IDataProtectionProvider? protection = null)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
        _protector = protection?.CreateProtector(Purpose);
    }

    /// <inheritdoc />
    public async Task<OperationResult<WorkflowScheduleRecord>> CreateAsync(Guid workflowId, ScheduleDefinition definition, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await AuditedRowChange.AddToWorkflowAsync(db, _timeProvider, workflowId, now =>
        {
            var entity = new WorkflowScheduleEntity
            {
                Id = Guid.CreateVersion7(now),
                WorkflowId = workflowId,
                FiredThrough = now,
                CreatedById = actor.Id,
                CreatedByName = actor.Name,
                CreatedAt = now,
            };
            Apply(entity, definition);
            db.WorkflowSchedules.Add(entity);
            return Audited(entity, actor, ScheduleAuditActions.Created);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<OperationResult<WorkflowScheduleRecord>> UpdateAsync(Guid workflowId, Guid scheduleId, ScheduleDefinition definition, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await ChangeAsync(db, workflowId, scheduleId, schedule =>
        {
            var now = Clock.UtcNow(_timeProvider);

            // A new timing or a re-enable starts counting from now: changing a schedule never fires the past.
            if (schedule.Cron != definition.Cron || schedule.TimeZone != definition.TimeZone || (definition.Enabled && !schedule.Enabled))
            {
                schedule.FiredThrough = now;
            }

            Apply(schedule, definition);
            schedule.UpdatedAt = now;
            return Audited(schedule, actor, ScheduleAuditActions.Updated);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<OperationResult<WorkflowScheduleRecord>> DeleteAsync(Guid workflowId, Guid scheduleId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await ChangeAsync(db, workflowId, scheduleId, schedule =>
        {
            // Its occurrences go with it (cascade); the audit entry keeps what it was.
            db.WorkflowSchedules.Remove(schedule);
            return Audited(schedule, actor, ScheduleAuditActions.Deleted);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkflowScheduleRecord>> ListAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WorkflowSchedules.AsNoTracking().Where(s => s.WorkflowId == workflowId).ToListAsync(cancellationToken);

        // Sorted here: version 7 ids already order by creation, on every provider alike.
        return [.. rows.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Select(Read)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<WorkflowScheduleRecord>> ListEnabledAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WorkflowSchedules.AsNoTracking().Where(s => s.Enabled).ToListAsync(cancellationToken);
        return [.. rows.Select(Read)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ScheduleOccurrenceRecord>> ListOccurrencesAsync(Guid scheduleId, int take, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ScheduleOccurrences.AsNoTracking().Where(o => o.ScheduleId == scheduleId)
            .OrderByDescending(o => o.OccurrenceUtc).Take(Math.Clamp(take, 1, 1000)).ToListAsync(cancellationToken);
        return [.. rows.Select(ScheduleOccurrenceRecord.From)];
    }

    /// <inheritdoc />
    public async Task<bool> ClaimOccurrenceAsync(Guid scheduleId, DateTimeOffset occurrenceUtc, string host, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        db.ScheduleOccurrences.Add(new ScheduleOccurrenceEntity
        {
            ScheduleId = scheduleId,
            OccurrenceUtc = occurrenceUtc.ToUniversalTime(),
            ClaimedAt = Clock.UtcNow(_timeProvider),
            ClaimedBy = host,
        });
        try
        {
            // The primary key decides between hosts: exactly one insert of an occurrence wins.
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex) || DbErrors.IsForeignKeyViolation(ex))
        {
            // Taken by another host, or the schedule was deleted meanwhile: either way this host starts nothing.
            return false;
        }
    }

    /// <inheritdoc />
    public async Task CompleteOccurrenceAsync(Guid scheduleId, DateTimeOffset occurrenceUtc, Guid? runId, string? problem, CancellationToken cancellationToken)
    {
        var occurrence = occurrenceUtc.ToUniversalTime();
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await db.ScheduleOccurrences.Where(o => o.ScheduleId == scheduleId && o.OccurrenceUtc == occurrence)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.RunId, runId).SetProperty(o => o.Problem, problem), cancellationToken);

        // Bulk updates: no concurrency token to fight over with a person editing the schedule meanwhile.
        await db.WorkflowSchedules.Where(s => s.Id == scheduleId && (s.LastOccurrence == null || s.LastOccurrence <= occurrence))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastOccurrence, occurrence).SetProperty(x => x.LastRunId, runId), cancellationToken);
    }

    /// <inheritdoc />
    public async Task AdvanceAsync(Guid scheduleId, DateTimeOffset firedThrough, CancellationToken cancellationToken)
    {
        var mark = firedThrough.ToUniversalTime();
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await db.WorkflowSchedules.Where(s => s.Id == scheduleId && s.FiredThrough < mark)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FiredThrough, mark), cancellationToken);
    }

    private WorkflowScheduleRecord Read(WorkflowScheduleEntity entity) =>
        WorkflowScheduleRecord.From(entity, _protector?.Unprotect(entity.InputJson) ?? entity.InputJson);

    private void Apply(WorkflowScheduleEntity entity, ScheduleDefinition definition)
    {
        entity.Name = definition.Name;
        entity.Cron = definition.Cron;
        entity.TimeZone = definition.TimeZone;
        entity.InputJson = _protector?.Protect(definition.InputJson) ?? definition.InputJson;
        entity.Enabled = definition.Enabled;
        entity.MissedPolicy = definition.MissedPolicy;
    }


    private Task<OperationResult<WorkflowScheduleRecord>> ChangeAsync(
        DesignerDbContext db, Guid workflowId, Guid scheduleId, Func<WorkflowScheduleEntity, AuditedOutcome<OperationResult<WorkflowScheduleRecord>>> change, CancellationToken cancellationToken) =>
        AuditedRowChange.RunAsync(
            db,
            _timeProvider,
            db.WorkflowSchedules,
            s => s.Id == scheduleId && s.WorkflowId == workflowId,
            $"Workflow {workflowId} has no schedule {scheduleId}.",
            "The schedule was changed concurrently; reload and try again.",
            change,
            cancellationToken);

    private AuditedOutcome<OperationResult<WorkflowScheduleRecord>> Audited(WorkflowScheduleEntity schedule, Actor actor, string action)
    {
        var data = new JsonObject
        {
            ["scheduleId"] = schedule.Id.ToString("D"),
            ["name"] = schedule.Name,
            ["cron"] = schedule.Cron,
            ["timeZone"] = schedule.TimeZone,
            ["enabled"] = schedule.Enabled,
            ["missedPolicy"] = schedule.MissedPolicy,
        };
        var entry = new AuditDraft(actor, action, AuditActions.WorkflowEntityType, schedule.WorkflowId.ToString("D"), data);
        return new AuditedOutcome<OperationResult<WorkflowScheduleRecord>>(OperationResults.Success(Read(schedule)), [entry]);
    }

    private static AuditedOutcome<OperationResult<WorkflowScheduleRecord>> Refuse(OperationErrorKind kind, string message) =>
        AuditedRowChange.Refuse<WorkflowScheduleRecord>(kind, message);
}
