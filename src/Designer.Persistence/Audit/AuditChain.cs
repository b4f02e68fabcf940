using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Designer.Persistence.Data.Configuration;

namespace Designer.Persistence.Audit;

/// <summary>Appends entries to the audit chain inside a caller's governance transaction.</summary>
internal static class AuditChain
{
    /// <summary>Key of the PostgreSQL transaction-scoped advisory lock that serialises governance writes.</summary>
    private const long GovernanceLockKey = 0x4445_5349_474E_4552; // "DESIGNER"

    /// <summary>
    /// Begins a transaction in which the chain head can be read safely: SQLite takes the write lock at once
    /// (<c>BEGIN IMMEDIATE</c>, the Microsoft.Data.Sqlite default); PostgreSQL takes a transaction-scoped advisory
    /// lock, so concurrent governance writers queue instead of forking the chain. At most
    /// <see cref="GovernanceTransaction.SlotsPerDatabase"/> of them hold a connection at once per process.
    /// </summary>
    public static Task<IDbContextTransaction> BeginAsync(DesignerDbContext db, CancellationToken cancellationToken) =>
        GovernanceTransaction.BeginAsync(db.Database.GetConnectionString() ?? string.Empty, async token =>
        {
            var transaction = await db.Database.BeginTransactionAsync(token);
            try
            {
                if (db.Database.IsNpgsql())
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({GovernanceLockKey})", token);
                }

                return transaction;
            }
            catch
            {
                await transaction.DisposeAsync();
                throw;
            }
        }, cancellationToken);

    /// <summary>Reads the chain head and adds the next entry to <paramref name="db"/> (the caller saves and commits).</summary>
    public static async Task<AuditEntryEntity> AppendAsync(
        DesignerDbContext db,
        Actor actor,
        string action,
        string entityType,
        string entityId,
        JsonObject? data,
        DateTimeOffset timestamp,
        CancellationToken cancellationToken)
    {
        Validate(actor, action, entityType, entityId);
        var head = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);

        var entry = new AuditEntryEntity
        {
            Sequence = (head?.Sequence ?? 0) + 1,
            Timestamp = timestamp,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            DataJson = data?.ToJsonString(),
            PreviousHash = head?.Hash ?? AuditHasher.GenesisHash,
        };
        entry.Hash = AuditHasher.Compute(entry);
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static void Validate(Actor actor, string action, string entityType, string entityId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(entityId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(action.Length, Limits.ActionLength, nameof(action));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entityType.Length, Limits.ActionLength, nameof(entityType));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(entityId.Length, Limits.EntityIdLength, nameof(entityId));
    }
}
