using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Storage;

namespace Designer.Persistence.Audit;

/// <summary>
/// A governance transaction that holds one of the few slots its database allows this process at once, and gives the
/// slot back when it ends. Governance writes queue on one lock per database anyway (PostgreSQL advisory lock, SQLite's
/// write lock), so a burst — say a hundred approvals at once — would otherwise park a hundred pooled connections on
/// that lock and starve the run writes and reads that need the same pool; with the slots, the queue waits in memory.
/// </summary>
internal sealed class GovernanceTransaction : IDbContextTransaction
{
    /// <summary>Governance transactions of one database that may hold a connection at once in this process.</summary>
    public const int SlotsPerDatabase = 4;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Slots = new(StringComparer.Ordinal);

    private readonly IDbContextTransaction _inner;
    private readonly SemaphoreSlim _slot;
    private int _released;

    private GovernanceTransaction(IDbContextTransaction inner, SemaphoreSlim slot)
    {
        _inner = inner;
        _slot = slot;
    }

    /// <inheritdoc />
    public Guid TransactionId => _inner.TransactionId;

    /// <summary>Waits for a slot of the database, then lets <paramref name="begin"/> open the transaction in it.</summary>
    /// <param name="database">The database's connection string (one queue per database).</param>
    /// <param name="begin">Opens the transaction and takes the database's governance lock.</param>
    /// <param name="cancellationToken">The caller went away.</param>
    /// <returns>The transaction; disposing it frees the slot.</returns>
    public static async Task<IDbContextTransaction> BeginAsync(
        string database, Func<CancellationToken, Task<IDbContextTransaction>> begin, CancellationToken cancellationToken)
    {
        var slot = Slots.GetOrAdd(database, _ => new SemaphoreSlim(SlotsPerDatabase, SlotsPerDatabase));
        await slot.WaitAsync(cancellationToken);
        try
        {
            return new GovernanceTransaction(await begin(cancellationToken), slot);
        }
        catch
        {
            slot.Release();
            throw;
        }
    }

    /// <inheritdoc />
    public void Commit() => _inner.Commit();

    /// <inheritdoc />
    public Task CommitAsync(CancellationToken cancellationToken = default) => _inner.CommitAsync(cancellationToken);

    /// <inheritdoc />
    public void Rollback() => _inner.Rollback();

    /// <inheritdoc />
    public Task RollbackAsync(CancellationToken cancellationToken = default) => _inner.RollbackAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _inner.Dispose();
        }
        finally
        {
            Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _inner.DisposeAsync();
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _slot.Release();
        }
    }
}
