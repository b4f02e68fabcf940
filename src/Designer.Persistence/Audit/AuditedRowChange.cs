using System.Linq.Expressions;
using Designer.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>
/// Audited changes the stores share: a change of one existing row (read inside the governance transaction, NotFound
/// when it is not there, a Conflict rather than an exception when it was changed concurrently) and the addition of
/// rows to an existing workflow.
/// </summary>
internal static class AuditedRowChange
{
    /// <summary>Runs <paramref name="change"/> on the row <paramref name="match"/> finds.</summary>
    /// <typeparam name="TEntity">The row type.</typeparam>
    /// <typeparam name="TRecord">The record the operation answers with.</typeparam>
    /// <param name="db">The context the change writes through.</param>
    /// <param name="timeProvider">Clock for the audit entries.</param>
    /// <param name="rows">The table, in <paramref name="db"/>.</param>
    /// <param name="match">Finds the row.</param>
    /// <param name="notFound">The detail when no row matches.</param>
    /// <param name="conflict">The detail when the row was changed concurrently.</param>
    /// <param name="change">Changes the tracked row; returns the result and its entries (none: refused, rolled back).</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The change's result, NotFound or Conflict.</returns>
    public static async Task<OperationResult<TRecord>> RunAsync<TEntity, TRecord>(
        DesignerDbContext db,
        TimeProvider timeProvider,
        DbSet<TEntity> rows,
        Expression<Func<TEntity, bool>> match,
        string notFound,
        string conflict,
        Func<TEntity, AuditedOutcome<OperationResult<TRecord>>> change,
        CancellationToken cancellationToken)
        where TEntity : class
    {
        try
        {
            return await AuditedChange.RunAsync(db, timeProvider, async token =>
            {
                var row = await rows.SingleOrDefaultAsync(match, token);
                return row is null ? Refuse<TRecord>(OperationErrorKind.NotFound, notFound) : change(row);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResults.Failure<TRecord>(OperationErrorKind.Conflict, conflict);
        }
    }

    /// <summary>
    /// Runs <paramref name="add"/> (which adds rows belonging to <paramref name="workflowId"/>) inside the governance
    /// transaction, with the change's timestamp; NotFound when no such workflow exists.
    /// </summary>
    /// <typeparam name="TRecord">The record the operation answers with.</typeparam>
    /// <param name="db">The context the change writes through.</param>
    /// <param name="timeProvider">Clock for the timestamp and the audit entries.</param>
    /// <param name="add">Adds the rows; returns the result and its entries.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The change's result, or NotFound.</returns>
    public static Task<OperationResult<TRecord>> AddToWorkflowAsync<TRecord>(
        DesignerDbContext db, TimeProvider timeProvider, Guid workflowId, Func<DateTimeOffset, AuditedOutcome<OperationResult<TRecord>>> add, CancellationToken cancellationToken) =>
        AuditedChange.RunAsync(db, timeProvider, async token =>
            await db.Workflows.AsNoTracking().AnyAsync(w => w.Id == workflowId, token)
                ? add(Clock.UtcNow(timeProvider))
                : Refuse<TRecord>(OperationErrorKind.NotFound, $"Workflow {workflowId} does not exist."),
            cancellationToken);

    /// <summary>A refusal of an audited change: nothing is kept and nothing recorded.</summary>
    /// <typeparam name="TRecord">The record the operation answers with.</typeparam>
    /// <param name="kind">Which refusal it is; the endpoint answers with its HTTP status.</param>
    /// <param name="message">The detail, for a person.</param>
    /// <returns>The refused outcome.</returns>
    public static AuditedOutcome<OperationResult<TRecord>> Refuse<TRecord>(OperationErrorKind kind, string message) =>
        AuditedOutcome.Refused(OperationResults.Failure<TRecord>(kind, message));
}
