using Designer.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>EF Core implementation of <see cref="IModelVersionStore"/> for SQLite and PostgreSQL.</summary>
public sealed class ModelVersionStore : IModelVersionStore
{
    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store.</summary>
    public ModelVersionStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ModelVersionRecord>> ListAsync(string? modelId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await VersionRows.ListAsync(db.ModelVersions, modelId, ModelVersionRecord.From, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ModelVersionRecord> AddAsync(NewModelVersion version, Func<ModelVersionRecord, AuditDraft> audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);

        // The governance transaction is serialised across hosts (advisory lock / SQLite write lock), so reading the
        // highest version inside it cannot race another host's registration of the same number.
        return await AuditedChange.RunAsync(db, _timeProvider, async token =>
        {
            if (version.FirstVersionStatus is not null
                && await db.ModelVersions.AsNoTracking().Where(m => m.ModelId == version.ModelId && m.Sha256 == version.Sha256)
                    .OrderBy(m => m.Version).FirstOrDefaultAsync(token) is { } same)
            {
                // Two hosts bootstrapping the same bytes at once: the first one's version is the bootstrap.
                return AuditedOutcome.Refused(ModelVersionRecord.From(same));
            }

            var number = await VersionRows.NextVersionAsync(db.ModelVersions, version.ModelId, token);
            var row = new ModelVersionEntity
            {
                ModelId = version.ModelId,
                Version = number,
                Status = number == 1 && version.FirstVersionStatus is { } first ? first : version.Status,
                Sha256 = version.Sha256,
                TrainedBy = version.TrainedBy,
                CreatedAt = version.CreatedAt,
                DescriptorJson = version.DescriptorJson,
            };
            db.ModelVersions.Add(row);
            var record = ModelVersionRecord.From(row);
            return new AuditedOutcome<ModelVersionRecord>(record, [audit(record)]);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> ImportAsync(ModelVersionRecord version, AuditDraft audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(audit);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var row = new ModelVersionEntity
        {
            ModelId = version.ModelId,
            Version = version.Version,
            Status = version.Status,
            Sha256 = version.Sha256,
            TrainedBy = version.TrainedBy,
            CreatedAt = version.CreatedAt,
            StatusChangedBy = version.StatusChangedBy,
            StatusChangedAt = version.StatusChangedAt,
            DescriptorJson = version.DescriptorJson,
        };
        return await VersionRows.ImportAsync(db, _timeProvider, d => d.ModelVersions, row, audit, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<OperationResult<ModelVersionRecord>> ChangeStatusAsync(
        string modelId,
        int version,
        string status,
        string changedBy,
        Func<ModelVersionRecord, string?> check,
        Func<ModelVersionRecord, AuditDraft> audit,
        CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        return await VersionStatusChange.RunAsync(
            db, _timeProvider, d => d.ModelVersions, ModelVersionRecord.From,
            new VersionStatusRequest<ModelVersionRecord>("Model", modelId, version, status, changedBy, check, audit), cancellationToken);
    }
}
