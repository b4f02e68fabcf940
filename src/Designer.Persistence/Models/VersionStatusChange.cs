using System.Linq.Expressions;
using Designer.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>
/// The one reviewed status change of a registry version row (model or chat model): the caller's rule is checked on the
/// row inside the governance transaction and the audit entry is written with the change, so no approved version exists
/// without its entry and a concurrent second review gets a conflict.
/// </summary>
internal static class VersionStatusChange
{
    public static async Task<OperationResult<TRecord>> RunAsync<TEntity, TRecord>(
        DesignerDbContext db,
        TimeProvider timeProvider,
        Func<DesignerDbContext, DbSet<TEntity>> rows,
        Func<TEntity, TRecord> toRecord,
        VersionStatusRequest<TRecord> request,
        CancellationToken cancellationToken)
        where TEntity : class, IVersionStatusRow
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Status);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ChangedBy);
        ArgumentNullException.ThrowIfNull(request.Check);
        ArgumentNullException.ThrowIfNull(request.Audit);
        var (label, modelId, version) = (request.Label, request.ModelId, request.Version);
        Expression<Func<TEntity, bool>> match = m => m.ModelId == modelId && m.Version == version;
        try
        {
            return await AuditedChange.RunAsync(db, timeProvider, async token =>
            {
                var row = await rows(db).SingleOrDefaultAsync(match, token);
                if (row is null)
                {
                    return Refuse<TRecord>(OperationErrorKind.NotFound, $"{label} '{modelId}' has no version {version}.");
                }

                if (request.Check(toRecord(row)) is { } refusal)
                {
                    return Refuse<TRecord>(OperationErrorKind.InvalidState, refusal);
                }

                row.Status = request.Status;
                row.StatusChangedBy = request.ChangedBy;
                row.StatusChangedAt = Clock.UtcNow(timeProvider);
                var record = toRecord(row);
                return new AuditedOutcome<OperationResult<TRecord>>(OperationResults.Success(record), [request.Audit(record)]);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResults.Failure<TRecord>(OperationErrorKind.Conflict, $"{label} '{modelId}' v{version} was changed concurrently; reload and try again.");
        }
    }

    private static AuditedOutcome<OperationResult<TRecord>> Refuse<TRecord>(OperationErrorKind kind, string message) =>
        AuditedRowChange.Refuse<TRecord>(kind, message);
}
