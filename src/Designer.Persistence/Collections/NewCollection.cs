namespace Designer.Persistence;

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
