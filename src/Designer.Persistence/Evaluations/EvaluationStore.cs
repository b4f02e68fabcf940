using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Hosting;
using Designer.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>EF Core implementation of <see cref="IEvaluationStore"/> for SQLite and PostgreSQL.</summary>
public sealed partial class EvaluationStore : IEvaluationStore
{
    /// <summary>Entity type of dataset audit entries (entity id = dataset id).</summary>
    public const string DatasetEntityType = "dataset";

    /// <summary>Entity type of evaluation audit entries (entity id = evaluation id).</summary>
    public const string EvaluationEntityType = "evaluation";

    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store.</summary>
    /// <param name="timeProvider">Supplies timestamps and version 7 ids.</param>
    public EvaluationStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<DatasetRecord> CreateDatasetAsync(string name, Guid workflowId, string? description, IReadOnlyList<NewDatasetCase> cases, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var now = Clock.UtcNow(_timeProvider);

        // Read after the governance lock, so two creators of the same name get distinct versions.
        var latest = await db.Datasets.Where(d => d.Name == name).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
        var entity = new DatasetEntity
        {
            Id = Guid.CreateVersion7(now),
            Name = name,
            Version = latest + 1,
            WorkflowId = workflowId,
            Description = description,
            CaseCount = cases.Count,
            CreatedById = actor.Id,
            CreatedByName = actor.Name,
            CreatedAt = now,
        };
        db.Datasets.Add(entity);
        db.DatasetCases.AddRange(cases.Select((c, i) => ToEntity(entity.Id, i + 1, c)));
        var data = new JsonObject { ["name"] = name, ["version"] = entity.Version, ["workflowId"] = workflowId.ToString(), ["cases"] = cases.Count };
        await AuditChain.AppendAsync(db, actor, EvaluationAuditActions.DatasetCreated, DatasetEntityType, entity.Id.ToString(), data, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DatasetRecord.From(entity);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DatasetRecord>> ListDatasetsAsync(Guid? workflowId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Datasets.AsNoTracking();
        if (workflowId is { } id)
        {
            query = query.Where(d => d.WorkflowId == id);
        }

        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).ToListAsync(cancellationToken);
        return rows.ConvertAll(DatasetRecord.From);
    }

    /// <inheritdoc />
    public async Task<DatasetRecord?> GetDatasetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return row is null ? null : DatasetRecord.From(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DatasetCaseRecord>> ListCasesAsync(Guid datasetId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DatasetCases.AsNoTracking().Where(c => c.DatasetId == datasetId).OrderBy(c => c.Number).ToListAsync(cancellationToken);
        return rows.ConvertAll(DatasetCaseRecord.From);
    }

    /// <inheritdoc />
    public async Task<OperationResult<DatasetRecord>> AddCasesAsync(Guid datasetId, IReadOnlyList<NewDatasetCase> cases, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        if (dataset is null)
        {
            return OperationResults.Failure<DatasetRecord>(OperationErrorKind.NotFound, $"Dataset {datasetId} does not exist.");
        }

        if (dataset.UsedAt is not null)
        {
            return OperationResults.Failure<DatasetRecord>(
                OperationErrorKind.InvalidState,
                $"Dataset '{dataset.Name}' v{dataset.Version} was used by an evaluation and is immutable; create a new version to change it.");
        }

        var now = Clock.UtcNow(_timeProvider);
        db.DatasetCases.AddRange(cases.Select((c, i) => ToEntity(dataset.Id, dataset.CaseCount + i + 1, c)));
        dataset.CaseCount += cases.Count;
        var data = new JsonObject { ["added"] = cases.Count, ["cases"] = dataset.CaseCount };
        await AuditChain.AppendAsync(db, actor, EvaluationAuditActions.DatasetCasesAdded, DatasetEntityType, dataset.Id.ToString(), data, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResults.Failure<DatasetRecord>(OperationErrorKind.Conflict, "The dataset was changed concurrently; reload and try again.");
        }

        await transaction.CommitAsync(cancellationToken);
        return OperationResults.Success(DatasetRecord.From(dataset));
    }

    /// <inheritdoc />
    public async Task<WorkflowBudgetRecord?> GetBudgetAsync(Guid workflowId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.WorkflowBudgets.AsNoTracking().SingleOrDefaultAsync(b => b.WorkflowId == workflowId, cancellationToken);
        return row is null ? null : WorkflowBudgetRecord.From(row);
    }

    /// <inheritdoc />
    public async Task<WorkflowBudgetRecord> SetBudgetAsync(WorkflowBudgetRecord budget, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var now = Clock.UtcNow(_timeProvider);
        var row = await db.WorkflowBudgets.SingleOrDefaultAsync(b => b.WorkflowId == budget.WorkflowId, cancellationToken);
        if (row is null)
        {
            row = new WorkflowBudgetEntity { WorkflowId = budget.WorkflowId };
            db.WorkflowBudgets.Add(row);
        }

        row.MaxWrongAutomaticRate = budget.MaxWrongAutomaticRate;
        row.MinAutomationRate = budget.MinAutomationRate;
        row.MaxP95LatencyMs = budget.MaxP95LatencyMs;
        row.NoNewlyFailingCritical = budget.NoNewlyFailingCritical;
        row.UpdatedById = actor.Id;
        row.UpdatedAt = now;
        var data = JsonSerializer.SerializeToNode(budget)!.AsObject();
        data.Remove(nameof(WorkflowBudgetRecord.WorkflowId));
        await AuditChain.AppendAsync(db, actor, EvaluationAuditActions.BudgetSet, AuditActions.WorkflowEntityType, budget.WorkflowId.ToString("D"), data, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return WorkflowBudgetRecord.From(row);
    }

    /// <inheritdoc />
    public async Task AuditAsync(Actor actor, string action, Guid workflowId, JsonObject data, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        await AuditChain.AppendAsync(db, actor, action, AuditActions.WorkflowEntityType, workflowId.ToString("D"), data, Clock.UtcNow(_timeProvider), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static DatasetCaseEntity ToEntity(Guid datasetId, int number, NewDatasetCase c) => new()
    {
        DatasetId = datasetId,
        Number = number,
        InputJson = c.InputJson,
        ExpectedEnd = c.ExpectedEnd,
        ExpectedOutputJson = c.ExpectedOutputJson,
        TagsJson = JsonSerializer.Serialize(c.Tags),
        SourceRunId = c.SourceRunId,
        LabelSource = c.LabelSource,
    };
}
