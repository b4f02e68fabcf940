namespace Designer.Persistence;

/// <summary>One document to add or replace.</summary>
/// <param name="DocumentId">Caller's id, unique within the collection.</param>
/// <param name="Text">The document's full text, chunked and embedded by the store's caller.</param>
/// <param name="MetadataJson">Metadata JSON object.</param>
public sealed record NewCollectionDocument(string DocumentId, string Text, string MetadataJson);
