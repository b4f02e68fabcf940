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
