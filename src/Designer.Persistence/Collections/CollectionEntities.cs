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

/// <summary>EF Core row for one source document of a collection (the text chunks are rebuilt from it on re-embedding).</summary>
public sealed class CollectionDocumentEntity
{
    /// <summary>Collection this document belongs to.</summary>
    public Guid CollectionId { get; set; }

    /// <summary>The caller's document id, unique within the collection.</summary>
    public string DocumentId { get; set; } = string.Empty;

    /// <summary>The whole text as ingested; its chunks are cut from it and re-cut when the collection is reindexed.</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>Metadata JSON object, copied into every chunk's payload.</summary>
    public string MetadataJson { get; set; } = "{}";

    /// <summary>Chunks in the live index, 0 until indexed.</summary>
    public int ChunkCount { get; set; }

    /// <summary>The ingestion job that still has to index this document, or <see langword="null"/> once indexed.</summary>
    public Guid? PendingJobId { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>EF Core row for a background collection job (ingestion or re-embedding).</summary>
public sealed class CollectionJobEntity : IConcurrencyTracked
{
    /// <summary>Primary key (a version 7 GUID).</summary>
    public Guid Id { get; set; }

    /// <summary>Collection whose documents the job processes.</summary>
    public Guid CollectionId { get; set; }

    /// <summary>What the job does.</summary>
    public CollectionJobKind Kind { get; set; }

    /// <summary>Where it is.</summary>
    public CollectionJobStatus Status { get; set; }

    /// <summary>Documents to process.</summary>
    public int Total { get; set; }

    /// <summary>Documents processed.</summary>
    public int Done { get; set; }

    /// <summary>Re-embedding resumes after this document id.</summary>
    public string? Cursor { get; set; }

    /// <summary>Re-embedding: the target model version.</summary>
    public int? TargetVersion { get; set; }

    /// <summary>Set when a user asked to cancel; the worker stops at the next batch.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>Why it failed.</summary>
    public string? Error { get; set; }

    /// <summary>Id of who queued it.</summary>
    public string CreatedById { get; set; } = string.Empty;

    /// <summary>Queued at (UTC).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the current attempt started (UTC); the rate is measured from here.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary><see cref="Done"/> when the current attempt started.</summary>
    public int DoneAtStart { get; set; }

    /// <summary>Last progress write (UTC).</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Terminal time (UTC).</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every update.</summary>
    public Guid ConcurrencyToken { get; set; } = Guid.NewGuid();

    void IConcurrencyTracked.RenewConcurrencyToken() => ConcurrencyToken = Guid.NewGuid();
}

/// <summary>What a collection job does.</summary>
public enum CollectionJobKind
{
    /// <summary>Chunk, embed and index newly added documents.</summary>
    Ingest,

    /// <summary>Rebuild the index with a new embedding model version, then switch queries to it.</summary>
    Reembed,
}

/// <summary>Where a collection job is.</summary>
public enum CollectionJobStatus
{
    /// <summary>Waiting for the worker.</summary>
    Queued,

    /// <summary>Being processed (or interrupted by a restart, then resumed).</summary>
    Running,

    /// <summary>Finished without an error.</summary>
    Succeeded,

    /// <summary>Stopped by an error.</summary>
    Failed,

    /// <summary>Stopped by a user.</summary>
    Cancelled,
}
