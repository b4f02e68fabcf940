using Designer.Persistence.Data;

namespace Designer.Persistence;

/// <summary>EF Core row for a document collection. Callers use <see cref="ICollectionStore"/> and <see cref="CollectionRecord"/>.</summary>
public sealed class CollectionEntity : IConcurrencyTracked
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>Unique name, used in URLs and retrieval nodes.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Free-text description.</summary>
    public string? Description { get; set; }

    /// <summary>Embedding model name.</summary>
    public string EmbeddingModel { get; set; } = string.Empty;

    /// <summary>The model version the live index was embedded with.</summary>
    public int EmbeddingVersion { get; set; }

    /// <summary>Embedding length of that version.</summary>
    public int Dimensions { get; set; }

    /// <summary>Index backend: embedded, pgvector or qdrant.</summary>
    public string Backend { get; set; } = string.Empty;

    /// <summary>The physical index queries use.</summary>
    public string IndexName { get; set; } = string.Empty;

    /// <summary>Chunk length in characters.</summary>
    public int ChunkSize { get; set; }

    /// <summary>Characters shared by consecutive chunks.</summary>
    public int ChunkOverlap { get; set; }

    /// <summary>The dense weight of hybrid search in [0, 1]; <see langword="null"/> takes the model's (or the configured) default.</summary>
    public double? HybridDenseWeight { get; set; }

    /// <summary>While re-embedding with another model: that model's name (<see langword="null"/> for a newer version of the same model).</summary>
    public string? PendingEmbeddingModel { get; set; }

    /// <summary>While re-embedding: the target model version.</summary>
    public int? PendingEmbeddingVersion { get; set; }

    /// <summary>While re-embedding: the index being filled.</summary>
    public string? PendingIndexName { get; set; }

    /// <summary>While re-embedding: the target embedding length.</summary>
    public int? PendingDimensions { get; set; }

    /// <summary>Creator id.</summary>
    public string CreatedById { get; set; } = string.Empty;

    /// <summary>Creation time (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}
