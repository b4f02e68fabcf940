using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>
/// The reads and writes the model and chat-model version stores share on their rows (<see cref="IVersionStatusRow"/>):
/// the ordered listing, the next version number and the idempotent import; the status change is
/// <see cref="VersionStatusChange"/>.
/// </summary>
internal static class VersionRows
{
    /// <summary>Every version of <paramref name="modelId"/> (or of every id when null), by id in ordinal order, then version.</summary>
    /// <typeparam name="TEntity">The row type.</typeparam>
    /// <typeparam name="TRecord">The record type callers see.</typeparam>
    /// <param name="toRecord">Maps a row to its record.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<IReadOnlyList<TRecord>> ListAsync<TEntity, TRecord>(
        DbSet<TEntity> rows, string? modelId, Func<TEntity, TRecord> toRecord, CancellationToken cancellationToken)
        where TEntity : class, IVersionStatusRow
    {
        var query = rows.AsNoTracking();
        if (modelId is not null)
        {
            query = query.Where(m => m.ModelId == modelId);
        }

        var list = await query.OrderBy(m => m.ModelId).ThenBy(m => m.Version).ToListAsync(cancellationToken);

        // Ordinal order, whatever the database's collation.
        return [.. list.OrderBy(m => m.ModelId, StringComparer.Ordinal).ThenBy(m => m.Version).Select(toRecord)];
    }

    /// <summary>
    /// The number the next version of <paramref name="modelId"/> takes. Read inside the governance transaction, which
    /// is serialised across hosts, it is still free when the row is written; the primary key is the backstop.
    /// </summary>
    /// <typeparam name="TEntity">The row type.</typeparam>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>1 for the first version, else the highest plus one.</returns>
    public static async Task<int> NextVersionAsync<TEntity>(DbSet<TEntity> rows, string modelId, CancellationToken cancellationToken)
        where TEntity : class, IVersionStatusRow =>
        (await rows.Where(m => m.ModelId == modelId).MaxAsync(m => (int?)m.Version, cancellationToken) ?? 0) + 1;

    /// <summary>
    /// Adds <paramref name="row"/> with its audit entry in one transaction unless a row with its id and version
    /// exists (then nothing is written).
    /// </summary>
    /// <typeparam name="TEntity">The row type.</typeparam>
    /// <param name="db">The context the change runs in.</param>
    /// <param name="timeProvider">Supplies the audit timestamp.</param>
    /// <param name="rows">The table, in <paramref name="db"/>.</param>
    /// <param name="row">The version to add, as it was.</param>
    /// <param name="audit">The entry written with it.</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <returns>True when the row was added.</returns>
    public static Task<bool> ImportAsync<TEntity>(
        DesignerDbContext db, TimeProvider timeProvider, Func<DesignerDbContext, DbSet<TEntity>> rows, TEntity row, AuditDraft audit, CancellationToken cancellationToken)
        where TEntity : class, IVersionStatusRow
    {
        var (modelId, version) = (row.ModelId, row.Version);
        return AuditedChange.RunAsync(db, timeProvider, async token =>
        {
            if (await rows(db).AnyAsync(m => m.ModelId == modelId && m.Version == version, token))
            {
                return AuditedOutcome.Refused(false);
            }

            rows(db).Add(row);
            return new AuditedOutcome<bool>(true, [audit]);
        }, cancellationToken);
    }
}
