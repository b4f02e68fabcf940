namespace Designer.Persistence;

/// <summary>A collection as callers see it.</summary>
/// <param name="Id">Primary key; jobs and documents refer to the collection by it.</param>
/// <param name="Name">Unique name.</param>
/// <param name="Description">Free text for designers choosing a collection, or null.</param>
/// <param name="EmbeddingModel">Embedding model name.</param>
/// <param name="EmbeddingVersion">The model version the live index was embedded with.</param>
/// <param name="Dimensions">Embedding length.</param>
/// <param name="Backend">Index backend.</param>
/// <param name="IndexName">The physical index queries use.</param>
/// <param name="ChunkSize">Chunk length in characters.</param>
/// <param name="ChunkOverlap">Overlap of consecutive chunks in characters.</param>
/// <param name="PendingEmbeddingVersion">Target version of a running re-embedding.</param>
/// <param name="PendingIndexName">Index a running re-embedding fills.</param>
/// <param name="PendingDimensions">Embedding length of the pending version.</param>
/// <param name="DocumentCount">Documents stored.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="HybridDenseWeight">The collection's dense weight of hybrid search, if it sets one.</param>
/// <param name="PendingEmbeddingModel">Target model of a running re-embedding that changes the model.</param>
public sealed record CollectionRecord(
    Guid Id,
    string Name,
    string? Description,
    string EmbeddingModel,
    int EmbeddingVersion,
    int Dimensions,
    string Backend,
    string IndexName,
    int ChunkSize,
    int ChunkOverlap,
    int? PendingEmbeddingVersion,
    string? PendingIndexName,
    int? PendingDimensions,
    int DocumentCount,
    DateTimeOffset CreatedAt,
    double? HybridDenseWeight = null,
    string? PendingEmbeddingModel = null)
{
    /// <summary>The model a running re-embedding moves to (the current one for a version upgrade), or <see langword="null"/>.</summary>
    public string? PendingModelOrCurrent => PendingIndexName is null ? null : PendingEmbeddingModel ?? EmbeddingModel;

    internal static CollectionRecord From(CollectionEntity e, int documents) => new(
        e.Id, e.Name, e.Description, e.EmbeddingModel, e.EmbeddingVersion, e.Dimensions, e.Backend, e.IndexName,
        e.ChunkSize, e.ChunkOverlap, e.PendingEmbeddingVersion, e.PendingIndexName, e.PendingDimensions, documents, e.CreatedAt,
        e.HybridDenseWeight, e.PendingEmbeddingModel);
}

/// <summary>What a new collection is made of.</summary>
/// <param name="Name">Unique name.</param>
/// <param name="Description">Free text for designers choosing a collection, or null.</param>
/// <param name="EmbeddingModel">Embedding model name.</param>
/// <param name="EmbeddingVersion">Model version.</param>
/// <param name="Dimensions">Embedding length.</param>
/// <param name="Backend">Index backend.</param>
/// <param name="IndexName">Physical index name.</param>
/// <param name="ChunkSize">Chunk length in characters.</param>
/// <param name="ChunkOverlap">Characters shared by consecutive chunks.</param>
/// <param name="HybridDenseWeight">Dense weight of hybrid search in [0, 1], or <see langword="null"/> for the default.</param>
public sealed record NewCollection(
    string Name, string? Description, string EmbeddingModel, int EmbeddingVersion, int Dimensions, string Backend,
    string IndexName, int ChunkSize, int ChunkOverlap, double? HybridDenseWeight = null);

/// <summary>One document to add or replace.</summary>
/// <param name="DocumentId">Caller's id, unique within the collection.</param>
/// <param name="Text">The document's full text, chunked and embedded by the store's caller.</param>
/// <param name="MetadataJson">Metadata JSON object.</param>
public sealed record NewCollectionDocument(string DocumentId, string Text, string MetadataJson);

/// <summary>A stored document.</summary>
/// <param name="DocumentId">Caller's id.</param>
/// <param name="Text">The document's full text as ingested.</param>
/// <param name="MetadataJson">Metadata JSON object.</param>
/// <param name="ChunkCount">Chunks in the live index.</param>
public sealed record CollectionDocumentRecord(string DocumentId, string Text, string MetadataJson, int ChunkCount);

/// <summary>A background job as callers see it.</summary>
/// <param name="Id">Primary key; the jobs API refers to the job by it.</param>
/// <param name="CollectionId">Collection whose documents the job processes.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Status">Where it is.</param>
/// <param name="Total">Documents to process.</param>
/// <param name="Done">Documents processed.</param>
/// <param name="Cursor">Re-embedding resume point.</param>
/// <param name="TargetVersion">Re-embedding target version.</param>
/// <param name="CancelRequested">A cancel was asked for.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="CreatedAt">Queued at.</param>
/// <param name="StartedAt">Current attempt start.</param>
/// <param name="DoneAtStart">Done when the current attempt started.</param>
/// <param name="UpdatedAt">Last progress.</param>
/// <param name="EndedAt">Terminal time.</param>
public sealed record CollectionJobRecord(
    Guid Id,
    Guid CollectionId,
    CollectionJobKind Kind,
    CollectionJobStatus Status,
    int Total,
    int Done,
    string? Cursor,
    int? TargetVersion,
    bool CancelRequested,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    int DoneAtStart,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>True once succeeded, failed or cancelled.</summary>
    public bool IsTerminal => Status is CollectionJobStatus.Succeeded or CollectionJobStatus.Failed or CollectionJobStatus.Cancelled;

    internal static CollectionJobRecord From(CollectionJobEntity e) => new(
        e.Id, e.CollectionId, e.Kind, e.Status, e.Total, e.Done, e.Cursor, e.TargetVersion, e.CancelRequested, e.Error,
        e.CreatedAt, e.StartedAt, e.DoneAtStart, e.UpdatedAt, e.EndedAt);
}
