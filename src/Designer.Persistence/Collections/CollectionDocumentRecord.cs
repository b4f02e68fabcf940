namespace Designer.Persistence;

/// <summary>A stored document.</summary>
/// <param name="DocumentId">Caller's id.</param>
/// <param name="Text">The document's full text as ingested.</param>
/// <param name="MetadataJson">Metadata JSON object.</param>
/// <param name="ChunkCount">Chunks in the live index.</param>
public sealed record CollectionDocumentRecord(string DocumentId, string Text, string MetadataJson, int ChunkCount);
