using System.Text.Json.Nodes;
using Designer.Persistence.Audit;
using Designer.Persistence.Data;
using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence;

/// <summary>EF Core implementation of <see cref="ICollectionStore"/> for SQLite and PostgreSQL.</summary>
public sealed partial class CollectionStore : ICollectionStore
{
    private readonly IDbContextFactory<DesignerDbContext> _contextFactory;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the store.</summary>
    public CollectionStore(IDbContextFactory<DesignerDbContext> contextFactory, TimeProvider timeProvider)
    {
        _contextFactory = contextFactory;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public async Task<CollectionRecord?> CreateAsync(NewCollection collection, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(actor);
        var now = Clock.UtcNow(_timeProvider);
        var entity = new CollectionEntity
        {
            Id = Guid.CreateVersion7(now),
            Name = collection.Name,
            Description = collection.Description,
            EmbeddingModel = collection.EmbeddingModel,
            EmbeddingVersion = collection.EmbeddingVersion,
            Dimensions = collection.Dimensions,
            Backend = collection.Backend,
            IndexName = collection.IndexName,
            ChunkSize = collection.ChunkSize,
            ChunkOverlap = collection.ChunkOverlap,
            HybridDenseWeight = collection.HybridDenseWeight,
            CreatedById = actor.Id,
            CreatedAt = now,
        };
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Collections.AnyAsync(c => c.Name == collection.Name, cancellationToken))
        {
            return null;
        }

        // The unique index still decides a race between two creators; the loser's audit entry rolls back with it.
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        db.Collections.Add(entity);
        await AuditChain.AppendAsync(db, actor, AuditActions.CollectionCreated, AuditActions.CollectionEntityType, entity.Name,
            new JsonObject { ["id"] = entity.Id.ToString(), ["model"] = entity.EmbeddingModel, ["version"] = entity.EmbeddingVersion, ["backend"] = entity.Backend },
            now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return CollectionRecord.From(entity, 0);
    }

    /// <inheritdoc />
    public Task<CollectionRecord?> GetAsync(string name, CancellationToken cancellationToken) =>
        GetWhereAsync(c => c.Name == name, cancellationToken);

    /// <inheritdoc />
    public Task<CollectionRecord?> GetByIdAsync(Guid id, CancellationToken cancellationToken) =>
        GetWhereAsync(c => c.Id == id, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<CollectionRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Collections.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new { Collection = c, Documents = db.CollectionDocuments.Count(d => d.CollectionId == c.Id) })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => CollectionRecord.From(r.Collection, r.Documents))];
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(Guid id, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var name = await db.Collections.Where(c => c.Id == id).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return false;
        }

        var documents = await db.CollectionDocuments.Where(d => d.CollectionId == id).ExecuteDeleteAsync(cancellationToken);
        await db.CollectionJobs.Where(j => j.CollectionId == id).ExecuteDeleteAsync(cancellationToken);
        await db.Collections.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
        await AuditChain.AppendAsync(db, actor, AuditActions.CollectionDeleted, AuditActions.CollectionEntityType, name,
            new JsonObject { ["id"] = id.ToString(), ["documents"] = documents }, Clock.UtcNow(_timeProvider), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <inheritdoc />
    public async Task<CollectionJobRecord> AddDocumentsAsync(
        Guid collectionId, IReadOnlyList<NewCollectionDocument> documents, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(actor);
        var now = Clock.UtcNow(_timeProvider);
        var job = NewJob(collectionId, CollectionJobKind.Ingest, documents.Count, actor.Id, now);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        db.CollectionJobs.Add(job);
        var ids = documents.Select(d => d.DocumentId).ToList();
        var existing = await db.CollectionDocuments
            .Where(d => d.CollectionId == collectionId && ids.Contains(d.DocumentId))
            .ToDictionaryAsync(d => d.DocumentId, StringComparer.Ordinal, cancellationToken);
        foreach (var document in documents)
        {
            if (!existing.TryGetValue(document.DocumentId, out var row))
            {
                row = new CollectionDocumentEntity { CollectionId = collectionId, DocumentId = document.DocumentId };
                db.CollectionDocuments.Add(row);
            }

            row.Text = document.Text;
            row.MetadataJson = document.MetadataJson;
            row.PendingJobId = job.Id;
            row.UpdatedAt = now;
        }

        var name = await db.Collections.Where(c => c.Id == collectionId).Select(c => c.Name).SingleAsync(cancellationToken);
        await AuditChain.AppendAsync(db, actor, AuditActions.CollectionDocumentsAdded, AuditActions.CollectionEntityType, name,
            new JsonObject { ["documents"] = documents.Count, ["replaced"] = existing.Count, ["job"] = job.Id.ToString() }, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CollectionJobRecord.From(job);
    }

    /// <inheritdoc />
    public async Task<CollectionJobRecord?> StartReembedAsync(
        Guid collectionId, string model, int version, int dimensions, string indexName, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actor);
        var now = Clock.UtcNow(_timeProvider);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var collection = await db.Collections.SingleOrDefaultAsync(c => c.Id == collectionId, cancellationToken);
        if (collection is null || collection.PendingIndexName is not null)
        {
            return null;
        }

        collection.PendingEmbeddingModel = model == collection.EmbeddingModel ? null : model;
        collection.PendingEmbeddingVersion = version;
        collection.PendingDimensions = dimensions;
        collection.PendingIndexName = indexName;
        var total = await db.CollectionDocuments.CountAsync(d => d.CollectionId == collectionId, cancellationToken);
        var job = NewJob(collectionId, CollectionJobKind.Reembed, total, actor.Id, now);
        job.TargetVersion = version;
        db.CollectionJobs.Add(job);
        await AuditChain.AppendAsync(db, actor, AuditActions.CollectionReembedStarted, AuditActions.CollectionEntityType, collection.Name,
            new JsonObject
            {
                ["fromModel"] = collection.EmbeddingModel, ["fromVersion"] = collection.EmbeddingVersion,
                ["model"] = model, ["version"] = version, ["documents"] = total, ["job"] = job.Id.ToString(),
            },
            now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return CollectionJobRecord.From(job);
    }

    /// <inheritdoc />
    public async Task<CollectionRecord?> SetHybridDenseWeightAsync(Guid collectionId, double? weight, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await AuditChain.BeginAsync(db, cancellationToken);
        var collection = await db.Collections.SingleOrDefaultAsync(c => c.Id == collectionId, cancellationToken);
        if (collection is null)
        {
            return null;
        }

        var previous = collection.HybridDenseWeight;
        collection.HybridDenseWeight = weight;
        await AuditChain.AppendAsync(db, actor, AuditActions.CollectionSettingsChanged, AuditActions.CollectionEntityType, collection.Name,
            new JsonObject { ["id"] = collectionId.ToString(), ["hybridDenseWeight"] = weight, ["previousHybridDenseWeight"] = previous },
            Clock.UtcNow(_timeProvider), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await GetByIdAsync(collectionId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> CompleteReembedAsync(Guid collectionId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var collection = await db.Collections.SingleOrDefaultAsync(c => c.Id == collectionId, cancellationToken);
        if (collection?.PendingIndexName is null)
        {
            return null;
        }

        var old = collection.IndexName;
        // One row update: queries move to the new index, model, version and length together.
        collection.IndexName = collection.PendingIndexName;
        collection.EmbeddingModel = collection.PendingEmbeddingModel ?? collection.EmbeddingModel;
        collection.EmbeddingVersion = collection.PendingEmbeddingVersion!.Value;
        collection.Dimensions = collection.PendingDimensions!.Value;
        collection.PendingIndexName = null;
        collection.PendingEmbeddingModel = null;
        collection.PendingEmbeddingVersion = null;
        collection.PendingDimensions = null;
        await db.SaveChangesAsync(cancellationToken);
        return old;
    }

    /// <inheritdoc />
    public async Task<string?> AbandonReembedAsync(Guid collectionId, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var collection = await db.Collections.SingleOrDefaultAsync(c => c.Id == collectionId, cancellationToken);
        if (collection?.PendingIndexName is not { } pending)
        {
            return null;
        }

        collection.PendingIndexName = null;
        collection.PendingEmbeddingModel = null;
        collection.PendingEmbeddingVersion = null;
        collection.PendingDimensions = null;
        await db.SaveChangesAsync(cancellationToken);
        return pending;
    }

    private static CollectionJobEntity NewJob(Guid collectionId, CollectionJobKind kind, int total, string createdById, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CollectionId = collectionId,
        Kind = kind,
        Status = CollectionJobStatus.Queued,
        Total = total,
        CreatedById = createdById,
        CreatedAt = now,
    };

    private async Task<CollectionRecord?> GetWhereAsync(System.Linq.Expressions.Expression<Func<CollectionEntity, bool>> predicate, CancellationToken cancellationToken)
    {
        await using var db = await _contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Collections.AsNoTracking().Where(predicate)
            .Select(c => new { Collection = c, Documents = db.CollectionDocuments.Count(d => d.CollectionId == c.Id) })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : CollectionRecord.From(row.Collection, row.Documents);
    }
}
