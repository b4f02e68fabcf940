using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Persistence.Audit;
using Microsoft.EntityFrameworkCore;
using Designer.Persistence.Data;

namespace Designer.Persistence;

public sealed partial class RunStore
{
    /// <inheritdoc />
    public async Task<HumanTaskRecord> CreateTaskAsync(NewHumanTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var now = Clock.UtcNow(_timeProvider);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.HumanTasks.AsNoTracking().SingleOrDefaultAsync(t => t.RequestId == task.RequestId, cancellationToken);
        if (existing is not null)
        {
            return HumanTaskRecord.From(existing);
        }

        var entity = NewTaskEntity(task, now, await OpenVaultAsync(db, task.RunId, cancellationToken));
        db.HumanTasks.Add(entity);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return HumanTaskRecord.From(entity);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            await using var again = await _contextFactory.CreateDbContextAsync(cancellationToken);
            return HumanTaskRecord.From(await again.HumanTasks.AsNoTracking().SingleAsync(t => t.RequestId == task.RequestId, cancellationToken));
        }
    }

    private static HumanTaskEntity NewTaskEntity(NewHumanTask task, DateTimeOffset now, RunVaultSession? vault) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            RunId = task.RunId,
            NodeId = task.NodeId,
            RequestId = task.RequestId,
            Role = task.Role,
            Instructions = vault?.TokenizeText(task.Instructions) ?? task.Instructions,
            EvidenceJson = vault?.TokenizeJson(task.EvidenceJson) ?? task.EvidenceJson,
            DecisionsJson = JsonSerializer.Serialize(task.Decisions),
            EditableFieldsJson = JsonSerializer.Serialize(task.EditableFields),
            Status = HumanTaskStatus.Pending,
            CreatedAt = now,
            Due = task.Due,
        };

    /// <inheritdoc />
    public Task<HumanTaskRecord?> WaitForHumanAsync(NewHumanTask task, decimal addCost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return WriteAsync(task.RunId, async (db, state) =>
        {
            var run = await db.Runs.SingleOrDefaultAsync(r => r.Id == task.RunId, cancellationToken);
            if (run is null || run.Status != RunStatus.Running)
            {
                return null;
            }

            run.Status = RunStatus.WaitingForHuman;
            run.Cost += addCost;
            var entity = NewTaskEntity(task, Clock.UtcNow(_timeProvider), await VaultAsync(db, task.RunId, state, cancellationToken));
            db.HumanTasks.Add(entity);
            AddNotifications(db, run);
            try
            {
                // One SaveChanges = one transaction; the run's UPDATE is conditional on its concurrency token.
                await SaveAsync(db, state, cancellationToken);
                return HumanTaskRecord.From(entity);
            }
            catch (DbUpdateConcurrencyException)
            {
                return null;
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                return (HumanTaskRecord?)null;
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<HumanTaskRecord?> GetTaskAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.HumanTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return task is null ? null : HumanTaskRecord.From(task);
    }

    /// <inheritdoc />
    public async Task<Page<HumanTaskRecord>> ListTasksAsync(HumanTaskStatus? status, Guid? runId, int page, int pageSize, CancellationToken cancellationToken)
    {
        Paging.EnsureValid(page, pageSize);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var tasks = db.HumanTasks.AsNoTracking();
        if (status is { } s)
        {
            tasks = tasks.Where(t => t.Status == s);
        }

        if (runId is { } r)
        {
            tasks = tasks.Where(t => t.RunId == r);
        }

        var total = await tasks.LongCountAsync(cancellationToken);
        var items = await tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Skip(Paging.Skip(page, pageSize)).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<HumanTaskRecord>([.. items.Select(HumanTaskRecord.From)], page, pageSize, total);
    }

    /// <inheritdoc />
    public async Task<DecideTaskResult> DecideTaskAsync(Guid id, TaskDecision decision, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var current = await db.HumanTasks.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new { t.Status, t.ConcurrencyToken })
            .SingleOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return new DecideTaskResult.NotFound();
        }

        if (current.Status != HumanTaskStatus.Pending)
        {
            return new DecideTaskResult.Conflict(current.Status);
        }

        var now = Clock.UtcNow(_timeProvider);
        var token = current.ConcurrencyToken;
        var runId = await db.HumanTasks.Where(t => t.Id == id).Select(t => t.RunId).SingleAsync(cancellationToken);
        var vault = await OpenVaultAsync(db, runId, cancellationToken);
        var comment = vault is null ? decision.Comment : vault.TokenizeText(decision.Comment);
        var edits = vault is null ? decision.EditsJson : vault.TokenizeJson(decision.EditsJson);
        var correction = vault is null ? decision.Correction : vault.TokenizeText(decision.Correction);

        // The decision and its audit entry commit together (the entry is the labelled-data record's proof).
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        // One UPDATE … WHERE Id AND Status = Pending AND token: the database lets exactly one concurrent caller match.
        var updated = await db.HumanTasks
            .Where(t => t.Id == id && t.Status == HumanTaskStatus.Pending && t.ConcurrencyToken == token)
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Status, HumanTaskStatus.Decided)
                    .SetProperty(t => t.Decision, decision.Decision)
                    .SetProperty(t => t.Comment, comment)
                    .SetProperty(t => t.EditsJson, edits)
                    .SetProperty(t => t.Correction, correction)
                    .SetProperty(t => t.DecidedById, actor.Id)
                    .SetProperty(t => t.DecidedByName, actor.Name)
                    .SetProperty(t => t.DecidedAt, now)
                    .SetProperty(t => t.ConcurrencyToken, Guid.NewGuid()),
                cancellationToken);
        var after = await db.HumanTasks.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
        if (updated == 1)
        {
            await AuditChain.AppendAsync(db, actor, AuditActions.TaskDecided, AuditActions.RunEntityType,
                $"{after.RunId:D}/{after.NodeId}", DecisionAudit(after), now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return updated == 1 ? new DecideTaskResult.Decided(HumanTaskRecord.From(after)) : new DecideTaskResult.Conflict(after.Status);
    }

    /// <inheritdoc />
    public async Task<int> CancelPendingTasksAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.HumanTasks.Where(t => t.RunId == runId && t.Status == HumanTaskStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(t => t.Status, HumanTaskStatus.Cancelled).SetProperty(t => t.ConcurrencyToken, Guid.NewGuid()),
                cancellationToken);
    }

    // The immutable log cannot be purged, so it holds the correction's hash and size, not its text (which may quote
    // personal data); the task row holds the text and the hash proves it was not changed afterwards.
    private static JsonObject DecisionAudit(HumanTaskEntity task)
    {
        var data = new JsonObject { ["taskId"] = task.Id.ToString("D"), ["decision"] = task.Decision, ["corrected"] = task.Correction is not null };
        if (task.Correction is { } correction)
        {
            data["correctionSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(correction)));
            data["correctionLength"] = correction.Length;
        }

        return data;
    }
}
