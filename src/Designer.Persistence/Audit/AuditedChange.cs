using Designer.Persistence.Audit;

namespace Designer.Persistence;

/// <summary>
/// Runs a change on the caller's database context and appends its audit entries in the same governance
/// transaction, so a change and its record commit together or not at all. For changes made through APIs that save
/// on their own (ASP.NET Core Identity's <c>UserManager</c> calls <c>SaveChanges</c> per operation): they write
/// inside the transaction this opens on the same context.
/// </summary>
public static class AuditedChange
{
    /// <summary>
    /// Opens the governance transaction on <paramref name="db"/>, runs <paramref name="change"/>, then appends the
    /// entries it returns and commits; when it returns no entry (it refused), everything it wrote is rolled back.
    /// </summary>
    /// <typeparam name="T">What the change returns.</typeparam>
    /// <param name="db">The context the change writes through.</param>
    /// <param name="time">Clock for the entries' timestamps.</param>
    /// <param name="change">The change; returns its result and the entries that record it.</param>
    /// <param name="cancellationToken">Cancels the operation (and rolls back).</param>
    /// <returns>The change's result.</returns>
    public static async Task<T> RunAsync<T>(
        DesignerDbContext db, TimeProvider time, Func<CancellationToken, Task<AuditedOutcome<T>>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var outcome = await change(cancellationToken);
        if (outcome.Entries.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return outcome.Result;
        }

        foreach (var entry in outcome.Entries)
        {
            // Each entry reads the head the previous one wrote, so it is saved before the next is chained.
            await AuditChain.AppendAsync(db, entry.Actor, entry.Action, entry.EntityType, entry.EntityId, entry.Data, Clock.UtcNow(time), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome.Result;
    }
}
