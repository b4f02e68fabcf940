using System.Text.Json.Nodes;
using Designer.Hosting;
using Microsoft.EntityFrameworkCore;
using Designer.Persistence.Audit;
using Designer.Persistence.Data;
using Designer.Persistence.Data.Configuration;

namespace Designer.Persistence;

/// <summary>EF Core implementation of <see cref="IWorkflowStore"/> for SQLite and PostgreSQL.</summary>
public sealed partial class WorkflowStore : IWorkflowStore
{
    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store.</summary>
    public WorkflowStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public Task<CreatedWorkflow> CreateWorkflowAsync(string name, string? description, string draftJson, Actor actor, CancellationToken cancellationToken) =>
        CreateAsync(name, description, draftJson, actor, AuditActions.WorkflowCreated, null, cancellationToken);

    /// <inheritdoc />
    public Task<CreatedWorkflow> ImportWorkflowAsync(string name, string? description, string draftJson, Actor actor, JsonObject? auditData, CancellationToken cancellationToken) =>
        CreateAsync(name, description, draftJson, actor, AuditActions.WorkflowImported, auditData, cancellationToken);

    /// <inheritdoc />
    public async Task<WorkflowRecord?> GetWorkflowAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var workflow = await db.Workflows.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        return workflow is null ? null : WorkflowRecord.From(workflow);
    }

    /// <inheritdoc />
    public async Task<Page<WorkflowSummary>> ListWorkflowsAsync(int page, int pageSize, string? search, CancellationToken cancellationToken)
    {
        Paging.EnsureValid(page, pageSize);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Workflows.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
#pragma warning disable CA1304, CA1311, CA1862 // lower() is translated to SQL; culture overloads are not translatable.
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(w => w.Name.ToLower().Contains(term)
                || (w.Description != null && w.Description.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await query.LongCountAsync(cancellationToken);
        var items = await query
            .OrderByDescending(w => w.UpdatedAt)
            .ThenByDescending(w => w.Id)
            .Skip(Paging.Skip(page, pageSize))
            .Take(pageSize)
            .Select(w => new WorkflowSummary(
                w.Id,
                w.Name,
                w.Description,
                w.UpdatedAt,
                w.ActiveVersion,
                db.WorkflowVersions.Where(v => v.WorkflowId == w.Id).Max(v => (int?)v.Number),
                db.WorkflowVersions.Where(v => v.WorkflowId == w.Id)
                    .OrderByDescending(v => v.Number)
                    .Select(v => (VersionStatus?)v.Status)
                    .FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new Page<WorkflowSummary>(items, page, pageSize, total);
    }

    private async Task<CreatedWorkflow> CreateAsync(
        string name,
        string? description,
        string draftJson,
        Actor actor,
        string action,
        JsonObject? auditData,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, Limits.NameLength, nameof(name));
        ArgumentNullException.ThrowIfNull(draftJson);
        ArgumentNullException.ThrowIfNull(actor);

        var now = Clock.UtcNow(_timeProvider);
        var workflow = new WorkflowEntity
        {
            Id = Guid.CreateVersion7(now),
            Name = name.Trim(),
            Description = description,
            CreatedById = actor.Id,
            CreatedByName = actor.Name,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var draft = new WorkflowDraftEntity
        {
            WorkflowId = workflow.Id,
            DefinitionJson = draftJson,
            UpdatedById = actor.Id,
            UpdatedByName = actor.Name,
            UpdatedAt = now,
        };

        var data = auditData?.DeepClone().AsObject() ?? [];
        data["name"] = workflow.Name;

        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        db.Workflows.Add(workflow);
        db.WorkflowDrafts.Add(draft);
        await AuditChain.AppendAsync(db, actor, action, AuditActions.WorkflowEntityType, EntityId(workflow.Id), data, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreatedWorkflow(WorkflowRecord.From(workflow), DraftRecord.From(draft));
    }

    private static string EntityId(Guid workflowId) => workflowId.ToString("D");

    /// <summary>Runs one governance change in a serialised transaction with its audit entry; nothing is saved on refusal.</summary>
    private async Task<OperationResult<T>> GovernAsync<T>(
        Func<DesignerDbContext, DateTimeOffset, Task<OperationResult<T>>> change,
        CancellationToken cancellationToken)
        where T : class
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var result = await change(db, Clock.UtcNow(_timeProvider));
        if (!result.IsSuccess)
        {
            return result;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResults.Failure<T>(OperationErrorKind.Conflict, "The workflow was changed concurrently; reload and try again.");
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return OperationResults.Failure<T>(OperationErrorKind.Conflict, "A concurrent change created the same row; reload and try again.");
        }
    }
}
