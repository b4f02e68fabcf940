namespace Designer.Web.Collections;

/// <summary>A collection as the API shows it.</summary>
internal sealed record CollectionResponse(
    string Name,
    string? Description,
    string EmbeddingModel,
    int EmbeddingVersion,
    int Dimensions,
    string Backend,
    int ChunkSize,
    int ChunkOverlap,
    int Documents,
    int? ReembeddingToVersion,
    DateTimeOffset CreatedAt,
    string? ReembeddingToModel,
    double? HybridDenseWeight)
{
    public static CollectionResponse From(CollectionRecord c) => new(
        c.Name, c.Description, c.EmbeddingModel, c.EmbeddingVersion, c.Dimensions, c.Backend, c.ChunkSize, c.ChunkOverlap,
        c.DocumentCount, c.PendingEmbeddingVersion, c.CreatedAt, c.PendingModelOrCurrent, c.HybridDenseWeight);
}
