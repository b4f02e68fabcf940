using Designer.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>EF Core implementation of <see cref="IChatModelVersionStore"/> for SQLite and PostgreSQL.</summary>
public sealed class ChatModelVersionStore : IChatModelVersionStore
{
    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store.</summary>
    public ChatModelVersionStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChatModelVersionRecord>> ListAsync(string? modelId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ChatModelVersions.AsNoTracking();
        if (modelId is not null)
        {
            query = query.Where(m => m.ModelId == modelId);
        }

        var rows = await query.OrderBy(m => m.ModelId).ThenBy(m => m.Version).ToListAsync(cancellationToken);

        // Ordinal order, whatever the database's collation.
        return [.. rows.OrderBy(m => m.ModelId, StringComparer.Ordinal).ThenBy(m => m.Version).Select(ChatModelVersionRecord.From)];
    }

    /// <inheritdoc />
    public async Task<ChatModelVersionRecord> AddAsync(
        string modelId,
        string status,
        string registeredBy,
        DateTimeOffset createdAt,
        string versionJson,
        Func<ChatModelVersionRecord, AuditDraft> audit,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        ArgumentException.ThrowIfNullOrWhiteSpace(registeredBy);
        ArgumentNullException.ThrowIfNull(versionJson);
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);

        // The governance transaction is serialised across hosts, so the highest number read inside it is still the
        // highest when the row is written; the primary key is the backstop.
        return await AuditedChange.RunAsync(db, _timeProvider, async token =>
        {
            var highest = await db.ChatModelVersions.Where(m => m.ModelId == modelId).MaxAsync(m => (int?)m.Version, token) ?? 0;
            var row = new ChatModelVersionEntity
            {
                ModelId = modelId,
                Version = highest + 1,
                Status = status,
                RegisteredBy = registeredBy,
                CreatedAt = createdAt,
                VersionJson = versionJson,
            };
            db.ChatModelVersions.Add(row);
            var record = ChatModelVersionRecord.From(row);
            return new AuditedOutcome<ChatModelVersionRecord>(record, [audit(record)]);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> ImportAsync(ChatModelVersionRecord version, AuditDraft audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await AuditedChange.RunAsync(db, _timeProvider, async token =>
        {
            if (await db.ChatModelVersions.AnyAsync(m => m.ModelId == version.ModelId && m.Version == version.Version, token))
            {
                return AuditedOutcome.Refused(false);
            }

            db.ChatModelVersions.Add(new ChatModelVersionEntity
            {
                ModelId = version.ModelId,
                Version = version.Version,
                Status = version.Status,
                RegisteredBy = version.RegisteredBy,
                CreatedAt = version.CreatedAt,
                StatusChangedBy = version.StatusChangedBy,
                StatusChangedAt = version.StatusChangedAt,
                VersionJson = version.VersionJson,
            });
            return new AuditedOutcome<bool>(true, [audit]);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<OperationResult<ChatModelVersionRecord>> ChangeStatusAsync(
        string modelId,
        int version,
        string status,
        string changedBy,
        Func<ChatModelVersionRecord, string?> check,
        Func<ChatModelVersionRecord, AuditDraft> audit,
        CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await VersionStatusChange.RunAsync(
            db, _timeProvider, d => d.ChatModelVersions, ChatModelVersionRecord.From,
            new VersionStatusRequest<ChatModelVersionRecord>("Chat model", modelId, version, status, changedBy, check, audit), cancellationToken);
    }
}
