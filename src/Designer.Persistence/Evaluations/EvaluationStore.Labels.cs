using System.Text.Json.Nodes;
using Designer.Hosting;
using Designer.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

public sealed partial class EvaluationStore
{
    /// <summary>What <see cref="DatasetCaseRecord.LabelSource"/> says after a reviewer fixed the label.</summary>
    public const string ReviewerLabelSource = "reviewer";

    /// <inheritdoc />
    public async Task<OperationResult<DatasetCaseRecord>> RelabelCaseAsync(Guid datasetId, int number, string expectedEnd, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expectedEnd);
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);

        // Under the governance lock, like the evaluation start that freezes the dataset: a relabel and a start never interleave.
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        var row = dataset is null ? null : await db.DatasetCases.SingleOrDefaultAsync(c => c.DatasetId == datasetId && c.Number == number, cancellationToken);
        if (dataset is null || row is null)
        {
            return OperationResults.Failure<DatasetCaseRecord>(OperationErrorKind.NotFound, $"Dataset {datasetId} has no case {number}.");
        }

        if (dataset.UsedAt is not null)
        {
            return OperationResults.Failure<DatasetCaseRecord>(
                OperationErrorKind.InvalidState,
                $"Dataset '{dataset.Name}' v{dataset.Version} was used by an evaluation and is immutable; copy it to a new version to change a label.");
        }

        var previous = row.ExpectedEnd;
        var previousSource = row.LabelSource;
        row.ExpectedEnd = expectedEnd;
        row.LabelSource = ReviewerLabelSource;
        var now = Clock.UtcNow(_timeProvider);
        var data = new JsonObject
        {
            ["case"] = number,
            ["expectedEnd"] = expectedEnd,
            ["previousExpectedEnd"] = previous,
            ["previousLabelSource"] = previousSource,
        };
        await AuditChain.AppendAsync(db, actor, EvaluationAuditActions.DatasetCaseRelabelled, DatasetEntityType, datasetId.ToString(), data, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResults.Success(DatasetCaseRecord.From(row));
    }
}
