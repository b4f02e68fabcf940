using System.Text.Json.Nodes;
using Designer.Hosting;
using Designer.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>Evaluation jobs and their per-case results.</summary>
public sealed partial class EvaluationStore
{
    /// <inheritdoc />
    public async Task<OperationResult<EvaluationRecord>> CreateEvaluationAsync(NewEvaluation evaluation, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var dataset = await db.Datasets.SingleOrDefaultAsync(d => d.Id == evaluation.DatasetId, cancellationToken);
        if (dataset is null)
        {
            return OperationResults.Failure<EvaluationRecord>(OperationErrorKind.NotFound, $"Dataset {evaluation.DatasetId} does not exist.");
        }

        var now = Clock.UtcNow(_timeProvider);
        dataset.UsedAt ??= now;
        var entity = new EvaluationEntity
        {
            Id = Guid.CreateVersion7(now),
            WorkflowId = evaluation.WorkflowId,
            DatasetId = dataset.Id,
            CandidateVersion = evaluation.CandidateVersion,
            CandidateHash = evaluation.CandidateHash,
            CandidateJson = evaluation.CandidateJson,
            BaselineVersion = evaluation.BaselineVersion,
            BaselineHash = evaluation.BaselineHash,
            BaselineJson = evaluation.BaselineJson,
            Status = EvaluationStatus.Queued,
            Total = dataset.CaseCount,
            CreatedById = actor.Id,
            CreatedByName = actor.Name,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Evaluations.Add(entity);
        var data = new JsonObject
        {
            ["workflowId"] = evaluation.WorkflowId.ToString("D"),
            ["datasetId"] = dataset.Id.ToString(),
            ["dataset"] = $"{dataset.Name} v{dataset.Version}",
            ["candidate"] = evaluation.CandidateVersion is { } n ? $"v{n}" : "draft",
            ["candidateHash"] = evaluation.CandidateHash,
            ["baseline"] = evaluation.BaselineVersion is { } m ? $"v{m}" : null,
        };
        await AuditChain.AppendAsync(db, actor, EvaluationAuditActions.EvaluationStarted, EvaluationEntityType, entity.Id.ToString(), data, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResults.Failure<EvaluationRecord>(OperationErrorKind.Conflict, "The dataset was changed concurrently; try again.");
        }

        await transaction.CommitAsync(cancellationToken);
        return OperationResults.Success(EvaluationRecord.From(entity));
    }

    /// <inheritdoc />
    public async Task<EvaluationRecord?> GetEvaluationAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        return row is null ? null : EvaluationRecord.From(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EvaluationRecord>> ListEvaluationsAsync(Guid workflowId, int? candidateVersion, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Evaluations.AsNoTracking().Where(e => e.WorkflowId == workflowId);
        if (candidateVersion is { } n)
        {
            query = query.Where(e => e.CandidateVersion == n);
        }

        var rows = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(100).ToListAsync(cancellationToken);
        return rows.ConvertAll(EvaluationRecord.From);
    }

    /// <inheritdoc />
    public async Task<EvaluationRecord?> NextUnfinishedEvaluationAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Evaluations.AsNoTracking()
            .Where(e => e.Status == EvaluationStatus.Queued || e.Status == EvaluationStatus.Running)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : EvaluationRecord.From(row);
    }

    /// <inheritdoc />
    public async Task MarkEvaluationRunningAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = Clock.UtcNow(_timeProvider);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Evaluations.Where(e => e.Id == id && (e.Status == EvaluationStatus.Queued || e.Status == EvaluationStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EvaluationStatus.Running).SetProperty(e => e.StartedAt, now).SetProperty(e => e.UpdatedAt, now), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RecordCaseAsync(Guid id, EvaluationCaseRecord result, double workSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var now = Clock.UtcNow(_timeProvider);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.EvaluationCases.Add(new EvaluationCaseEntity
        {
            EvaluationId = id,
            CaseNumber = result.CaseNumber,
            BaselineJson = result.BaselineJson,
            CandidateJson = result.CandidateJson,
            CompletedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);

        // Done is recounted, not incremented: a case recorded twice (impossible by the key) could never inflate it.
        var done = await db.EvaluationCases.CountAsync(c => c.EvaluationId == id, cancellationToken);
        await db.Evaluations.Where(e => e.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.Done, done).SetProperty(e => e.WorkSeconds, e => e.WorkSeconds + workSeconds).SetProperty(e => e.UpdatedAt, now),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await db.Evaluations.AsNoTracking().Where(e => e.Id == id).Select(e => e.CancelRequested).SingleAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task FinishEvaluationAsync(Guid id, EvaluationStatus status, string? error, CancellationToken cancellationToken)
    {
        var now = Clock.UtcNow(_timeProvider);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Evaluations.Where(e => e.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(e => e.Status, status).SetProperty(e => e.Error, error).SetProperty(e => e.EndedAt, now).SetProperty(e => e.UpdatedAt, now),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<OperationResult<EvaluationRecord>> RequestCancelAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var row = await db.Evaluations.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (row is null)
        {
            return OperationResults.Failure<EvaluationRecord>(OperationErrorKind.NotFound, $"Evaluation {id} does not exist.");
        }

        if (row.Status is EvaluationStatus.Succeeded or EvaluationStatus.Cancelled or EvaluationStatus.Failed)
        {
            return OperationResults.Failure<EvaluationRecord>(OperationErrorKind.InvalidState, $"Evaluation {id} has already ended ({row.Status}).");
        }

        var now = Clock.UtcNow(_timeProvider);
        row.CancelRequested = true;
        row.UpdatedAt = now;
        if (row.Status == EvaluationStatus.Queued)
        {
            row.Status = EvaluationStatus.Cancelled;
            row.EndedAt = now;
        }

        var data = new JsonObject { ["workflowId"] = row.WorkflowId.ToString("D"), ["done"] = row.Done, ["total"] = row.Total };
        await AuditChain.AppendAsync(db, actor, EvaluationAuditActions.EvaluationCancelled, EvaluationEntityType, id.ToString(), data, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResults.Failure<EvaluationRecord>(OperationErrorKind.Conflict, "The evaluation changed meanwhile; try again.");
        }

        await transaction.CommitAsync(cancellationToken);
        return OperationResults.Success(EvaluationRecord.From(row));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EvaluationCaseRecord>> ListCaseResultsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.EvaluationCases.AsNoTracking().Where(c => c.EvaluationId == id).OrderBy(c => c.CaseNumber).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => new EvaluationCaseRecord(r.CaseNumber, r.BaselineJson, r.CandidateJson));
    }
}
