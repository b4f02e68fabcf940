using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Designer.Persistence.Audit;

namespace Designer.Persistence;

/// <summary>EF Core implementation of <see cref="IAuditLog"/>.</summary>
public sealed class AuditLog : IAuditLog
{
    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the log.</summary>
    public AuditLog(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<AuditEntryRecord> AppendAsync(Actor actor, string action, string entityType, string entityId, JsonObject? data, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var entry = await AuditChain.AppendAsync(db, actor, action, entityType, entityId, data, Clock.UtcNow(_timeProvider), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return AuditEntryRecord.From(entry);
    }

    /// <inheritdoc />
    public async Task<Page<AuditEntryRecord>> ListAsync(int page, int pageSize, string? entityId, CancellationToken cancellationToken)
    {
        Paging.EnsureValid(page, pageSize);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (entityId is not null)
        {
            query = query.Where(e => e.EntityId == entityId);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.Sequence)
            .Skip(Paging.Skip(page, pageSize))
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new Page<AuditEntryRecord>(rows.ConvertAll(AuditEntryRecord.From), page, pageSize, total);
    }

    /// <inheritdoc />
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable();
        long verified = 0;
        var previousHash = AuditHasher.GenesisHash;
        await foreach (var entry in rows.WithCancellation(cancellationToken))
        {
            var expected = verified + 1;
            if (entry.Sequence != expected)
            {
                return Broken(verified, expected, $"Entry {expected} is missing: the next entry has sequence {entry.Sequence}.");
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return Broken(verified, expected, $"Entry {expected} does not link to entry {expected - 1}: entries were deleted, replaced or reordered.");
            }

            if (!string.Equals(AuditHasher.Compute(entry), entry.Hash, StringComparison.Ordinal))
            {
                return Broken(verified, expected, $"Entry {expected} does not match its hash: its content was changed.");
            }

            previousHash = entry.Hash;
            verified++;
        }

        return new AuditVerification(true, verified, null, null);
    }

    private static AuditVerification Broken(long verified, long sequence, string reason) =>
        new(false, verified, sequence, reason);
}
