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
        return await VersionRows.ListAsync(db.ChatModelVersions, modelId, ChatModelVersionRecord.From, cancellationToken);
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
            var number = await VersionRows.NextVersionAsync(db.ChatModelVersions, modelId, token);
            var row = new ChatModelVersionEntity
            {
                ModelId = modelId,
                Version = number,
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
        var row = new ChatModelVersionEntity
        {
            ModelId = version.ModelId,
            Version = version.Version,
            Status = version.Status,
            RegisteredBy = version.RegisteredBy,
            CreatedAt = version.CreatedAt,
            StatusChangedBy = version.StatusChangedBy,
            StatusChangedAt = version.StatusChangedAt,
            VersionJson = version.VersionJson,
        };
        return await VersionRows.ImportAsync(db, _timeProvider, d => d.ChatModelVersions, row, audit, cancellationToken);
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
