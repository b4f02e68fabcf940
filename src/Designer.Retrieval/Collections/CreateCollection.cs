namespace Designer.Retrieval.Collections;

/// <summary>What a new collection is made of; absent values take the configured defaults.</summary>
/// <param name="Name">Lower-case letters, digits, '-' and '_', 1–64 characters, starting with a letter or digit.</param>
/// <param name="EmbeddingModel">Embedding model; the catalog's default model when absent.</param>
/// <param name="EmbeddingVersion">Model version; the newest usable one when absent.</param>
/// <param name="Backend">embedded, pgvector or qdrant; the configured backend when absent.</param>
/// <param name="ChunkSize">Chunk length in characters (64–8,000).</param>
/// <param name="ChunkOverlap">Characters consecutive chunks share (0 to less than half the chunk size).</param>
/// <param name="HybridDenseWeight">The dense weight of this collection's hybrid searches in [0, 1]; the model's default when absent.</param>
public sealed record CreateCollection(
    string Name,
    string? Description = null,
    string? EmbeddingModel = null,
    int? EmbeddingVersion = null,
    string? Backend = null,
    int? ChunkSize = null,
    int? ChunkOverlap = null,
    double? HybridDenseWeight = null);
